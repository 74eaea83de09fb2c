package org.libvirt4j.jni;

import static org.libvirt4j.jni.LibvirtNatives.*;

import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.Secret;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Secret} over a {@code virSecretPtr}; {@link #close()} is {@code virSecretFree}. */
final class JniSecret extends JniObject implements Secret, org.libvirt4j.spi.generated.SecretContract {

    JniSecret(long secret) {
        super(ObjectKind.SECRET, JniNatives.K_SECRET, secret);
    }

    @Override
    public UUID getUUID() {
        return Uuids.fromBytes(obj("virSecretGetUUID", s -> virSecretGetUUID(s)));
    }

    @Override
    public String getUUIDString() {
        return str("virSecretGetUUIDString", s -> virSecretGetUUIDString(s));
    }

    @Override
    public int getUsageType() {
        return num("virSecretGetUsageType", s -> virSecretGetUsageType(s));
    }

    @Override
    public String getUsageID() {
        return str("virSecretGetUsageID", s -> virSecretGetUsageID(s));
    }

    @Override
    public String getXMLDesc() {
        return str("virSecretGetXMLDesc", s -> virSecretGetXMLDesc(s, 0));
    }

    @Override
    public byte[] getValue() {
        return obj("virSecretGetValue", s -> JniNatives.secretGetValue(s, 0));
    }

    @Override
    public void setValue(byte[] value) {
        Objects.requireNonNull(value, "value");
        // The glue copies the bytes into a native buffer it wipes after the call.
        run("virSecretSetValue", s -> JniNatives.secretSetValue(s, value, 0));
    }

}
