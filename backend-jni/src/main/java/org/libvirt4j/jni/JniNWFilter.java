package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.UUID;
import org.libvirt4j.NWFilter;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link NWFilter} over a {@code virNWFilterPtr}; {@link #close()} is {@code virNWFilterFree}. */
final class JniNWFilter extends JniObject implements NWFilter, org.libvirt4j.spi.generated.NWFilterContract {

    JniNWFilter(long filter) {
        super(ObjectKind.NWFILTER, JniNatives.K_NWFILTER, filter);
    }

    @Override
    public String getName() {
        return str("virNWFilterGetName", f -> virNWFilterGetName(f));
    }

    @Override
    public UUID getUUID() {
        return Uuids.fromBytes(obj("virNWFilterGetUUID", f -> virNWFilterGetUUID(f)));
    }

    @Override
    public String getUUIDString() {
        return str("virNWFilterGetUUIDString", f -> virNWFilterGetUUIDString(f));
    }

    @Override
    public String getXMLDesc() {
        return str("virNWFilterGetXMLDesc", f -> virNWFilterGetXMLDesc(f, 0));
    }

}
