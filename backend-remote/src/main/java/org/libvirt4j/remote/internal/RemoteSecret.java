package org.libvirt4j.remote.internal;

import java.util.Objects;
import java.util.UUID;
import org.libvirt4j.Secret;
import org.libvirt4j.remote.generated.RemoteNonnullSecret;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.generated.RemoteSecretGetValueArgs;
import org.libvirt4j.remote.generated.RemoteSecretGetValueRet;
import org.libvirt4j.remote.generated.RemoteSecretGetXmlDescArgs;
import org.libvirt4j.remote.generated.RemoteSecretGetXmlDescRet;
import org.libvirt4j.remote.generated.RemoteSecretSetValueArgs;
import org.libvirt4j.spi.ObjectKind;
import org.libvirt4j.spi.Uuids;

/** {@link Secret} over RPC; UUID and usage live in the handle. */
final class RemoteSecret extends RemoteObject implements Secret, org.libvirt4j.spi.generated.SecretContract {
    private final RemoteNonnullSecret ref;

    RemoteSecret(Session session, RemoteNonnullSecret ref) {
        super(session, ObjectKind.SECRET);
        this.ref = ref;
    }

    @Override
    public UUID getUUID() {
        check("virSecretGetUUID");
        return Uuids.fromBytes(ref.uuid());
    }

    @Override
    public String getUUIDString() {
        check("virSecretGetUUIDString");
        return Uuids.fromBytes(ref.uuid()).toString();
    }

    @Override
    public int getUsageType() {
        check("virSecretGetUsageType");
        return ref.usageType();
    }

    @Override
    public String getUsageID() {
        check("virSecretGetUsageID");
        return ref.usageID();
    }

    @Override
    public String getXMLDesc() {
        return call("virSecretGetXMLDesc", RemoteProcedure.REMOTE_PROC_SECRET_GET_XML_DESC,
                new RemoteSecretGetXmlDescArgs(ref, 0)::encode, RemoteSecretGetXmlDescRet::decode).xml();
    }

    @Override
    public byte[] getValue() {
        return call("virSecretGetValue", RemoteProcedure.REMOTE_PROC_SECRET_GET_VALUE,
                new RemoteSecretGetValueArgs(ref, 0)::encode, RemoteSecretGetValueRet::decode).value();
    }

    @Override
    public void setValue(byte[] value) {
        Objects.requireNonNull(value, "value");
        byte[] copy = value.clone();
        call("virSecretSetValue", RemoteProcedure.REMOTE_PROC_SECRET_SET_VALUE,
                new RemoteSecretSetValueArgs(ref, copy, 0)::encode, null);
    }

    @Override
    Object wireRef() {
        return ref;
    }
}
