package org.libvirt4j.jna;

import java.util.UUID;
import org.libvirt4j.NWFilter;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Virt;
import org.libvirt4j.spi.NativeHandle;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NWFilter} over a {@code virNWFilterPtr}; {@link #close()} is {@code virNWFilterFree}. */
final class JnaNWFilter implements NWFilter, org.libvirt4j.spi.generated.NWFilterContract {
    private final NativeHandle h;

    JnaNWFilter(long filter) {
        this.h = new NativeHandle(ObjectKind.NWFILTER, filter, Virt::virNWFilterFree);
    }

    @Override
    public void close() {
        h.close();
    }

    @Override
    public String getName() {
        return h.call("virNWFilterGetName", f -> Errors.constString(Virt.virNWFilterGetName(f), "virNWFilterGetName"));
    }

    @Override
    public UUID getUUID() {
        return h.call("virNWFilterGetUUID", f -> {
            byte[] raw = new byte[Uuids.BUFLEN];
            Errors.check(Virt.virNWFilterGetUUID(f, raw), "virNWFilterGetUUID");
            return Uuids.fromBytes(raw);
        });
    }

    @Override
    public String getUUIDString() {
        return h.call("virNWFilterGetUUIDString", f -> {
            byte[] buf = new byte[CStrings.UUID_STRING_BUFLEN];
            Errors.check(Virt.virNWFilterGetUUIDString(f, buf), "virNWFilterGetUUIDString");
            return CStrings.fromBuffer(buf);
        });
    }

    @Override
    public String getXMLDesc() {
        return h.call("virNWFilterGetXMLDesc", f -> {
            return Errors.ownedString(Virt.virNWFilterGetXMLDesc(f, 0), "virNWFilterGetXMLDesc");
        });
    }


    @Override
    public Object invoke(org.libvirt4j.spi.generated.Fn fn, Object... args) {
        return JnaCalls.invoke(h, fn, args);
    }
}
