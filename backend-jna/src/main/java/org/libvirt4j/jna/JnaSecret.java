package org.libvirt4j.jna;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.Secret;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Secret} over a {@code virSecretPtr}; {@link #close()} is {@code virSecretFree}. */
final class JnaSecret implements Secret, JnaHandle, org.libvirt4j.spi.generated.SecretContract {
    private final NativeHandle h;

    JnaSecret(long secret) {
        this.h = new NativeHandle(ObjectKind.SECRET, secret, Virt::virSecretFree);
    }

    @Override
    public NativeHandle handle() {
        return h;
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public UUID getUUID() {
        long s = h.acquire("virSecretGetUUID");
        try {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virSecretGetUUID(s, raw), "virSecretGetUUID");
            return Uuids.fromBytes(raw);
        } finally {
            h.release();
        }
    }

    @Override
    public String getUUIDString() {
        long s = h.acquire("virSecretGetUUIDString");
        try {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virSecretGetUUIDString(s, buf), "virSecretGetUUIDString");
            return CStrings.fromBuffer(buf);
        } finally {
            h.release();
        }
    }

    @Override
    public int getUsageType() {
        long s = h.acquire("virSecretGetUsageType");
        try {
            return Errors.check(Virt.virSecretGetUsageType(s), "virSecretGetUsageType");
        } finally {
            h.release();
        }
    }

    @Override
    public String getUsageID() {
        long s = h.acquire("virSecretGetUsageID");
        try {
            return Errors.constString(Virt.virSecretGetUsageID(s), "virSecretGetUsageID");
        } finally {
            h.release();
        }
    }

    @Override
    public String getXMLDesc() {
        long s = h.acquire("virSecretGetXMLDesc");
        try {
            return Errors.ownedString(Virt.virSecretGetXMLDesc(s, 0), "virSecretGetXMLDesc");
        } finally {
            h.release();
        }
    }

    @Override
    public byte[] getValue() {
        long s = h.acquire("virSecretGetValue");
        try {
            long[] size = new long[1];
            long value = Errors.ptr(Virt.virSecretGetValue(s, size, 0), "virSecretGetValue");
            Pointer p = new Pointer(value);
            try {
                return p.getByteArray(0, Math.toIntExact(size[0]));
            } finally {
                // Wipe the native copy of the secret before giving it back to malloc.
                p.setMemory(0, size[0], (byte) 0);
                Native.free(value);
            }
        } finally {
            h.release();
        }
    }

    @Override
    public void setValue(byte[] value) {
        byte[] copy = Objects.requireNonNull(value, "value").clone();
        long s = h.acquire("virSecretSetValue");
        try {
            Errors.check(Virt.virSecretSetValue(s, copy, copy.length, 0), "virSecretSetValue");
        } finally {
            h.release();
        }
    }


    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}
