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
        return h.call("virSecretGetUUID", s -> {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virSecretGetUUID(s, raw), "virSecretGetUUID");
            return Uuids.fromBytes(raw);
        });
    }

    @Override
    public String getUUIDString() {
        return h.call("virSecretGetUUIDString", s -> {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virSecretGetUUIDString(s, buf), "virSecretGetUUIDString");
            return CStrings.fromBuffer(buf);
        });
    }

    @Override
    public int getUsageType() {
        return h.call("virSecretGetUsageType", s -> {
            return Errors.check(Virt.virSecretGetUsageType(s), "virSecretGetUsageType");
        });
    }

    @Override
    public String getUsageID() {
        return h.call("virSecretGetUsageID", s -> {
            return Errors.constString(Virt.virSecretGetUsageID(s), "virSecretGetUsageID");
        });
    }

    @Override
    public String getXMLDesc() {
        return h.call("virSecretGetXMLDesc", s -> {
            return Errors.ownedString(Virt.virSecretGetXMLDesc(s, 0), "virSecretGetXMLDesc");
        });
    }

    @Override
    public byte[] getValue() {
        return h.call("virSecretGetValue", s -> {
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
        });
    }

    @Override
    public void setValue(byte[] value) {
        byte[] copy = Objects.requireNonNull(value, "value").clone();
        h.run("virSecretSetValue", s -> {
            Errors.check(Virt.virSecretSetValue(s, copy, copy.length, 0), "virSecretSetValue");
        });
    }


    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}
