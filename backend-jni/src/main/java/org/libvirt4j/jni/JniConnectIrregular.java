package org.libvirt4j.jni;

import org.libvirt4j.Domain;
import org.libvirt4j.spi.ConnectIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link ConnectIrregularContract} over {@code lv_irregular.c}. */
interface JniConnectIrregular extends ConnectIrregularContract {

    /** {@return the connection's guarded pointer} */
    NativeHandle guard();

    @Override
    default int[] rawListDomains(int maxids) {
        NativeHandle h = guard();
        return h.call("virConnectListDomains", c -> JniIrregularNatives.listDomains(c, maxids));
    }

    @Override
    default String[] rawListDefinedDomains(int maxnames) {
        NativeHandle h = guard();
        return h.call("virConnectListDefinedDomains", c -> JniIrregularNatives.listNames(2, c, maxnames, 0));
    }

    @Override
    default Domain rawDomainCreateXMLWithFiles(String xmlConfig, int[] files, int flags) {
        NativeHandle h = guard();
        return h.call("virDomainCreateXMLWithFiles", c -> {
            return new JniDomain(JniIrregularNatives.createXMLWithFiles(c, xmlConfig, files, flags));
        });
    }
}
