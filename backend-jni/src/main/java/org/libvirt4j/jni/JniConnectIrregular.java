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
        long c = h.acquire("virConnectListDomains");
        try {
            return JniIrregularNatives.listDomains(c, maxids);
        } finally {
            h.release();
        }
    }

    @Override
    default String[] rawListDefinedDomains(int maxnames) {
        NativeHandle h = guard();
        long c = h.acquire("virConnectListDefinedDomains");
        try {
            return JniIrregularNatives.listNames(2, c, maxnames, 0);
        } finally {
            h.release();
        }
    }

    @Override
    default Domain rawDomainCreateXMLWithFiles(String xmlConfig, int[] files, int flags) {
        NativeHandle h = guard();
        long c = h.acquire("virDomainCreateXMLWithFiles");
        try {
            return new JniDomain(JniIrregularNatives.createXMLWithFiles(c, xmlConfig, files, flags));
        } finally {
            h.release();
        }
    }
}
