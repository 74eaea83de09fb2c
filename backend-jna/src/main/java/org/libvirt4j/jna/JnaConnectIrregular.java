package org.libvirt4j.jna;

import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.CStrings;
import org.libvirt4j.Domain;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.libvirt4j.spi.ConnectIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link ConnectIrregularContract} through JNA. */
interface JnaConnectIrregular extends ConnectIrregularContract {

    /** {@return the connection's guarded pointer} */
    NativeHandle guard();

    @Override
    default int[] rawListDomains(int maxids) {
        String fn = "virConnectListDomains";
        NativeHandle h = guard();
        return h.call(fn, c -> {
            int[] ids = new int[Math.max(1, maxids)];
            int n = Math.min(NativeFunctions.check(fn, new Pointer(c), ids, maxids), maxids);
            return java.util.Arrays.copyOf(ids, n);
        });
    }

    @Override
    default String[] rawListDefinedDomains(int maxnames) {
        String fn = "virConnectListDefinedDomains";
        NativeHandle h = guard();
        return h.call(fn, c -> {
            try (Memory names = new Memory(8L * Math.max(1, maxnames))) {
                names.clear();
                int n = Math.min(NativeFunctions.check(fn, new Pointer(c), names, maxnames), maxnames);
                return NativeArrays.takeStrings(Pointer.nativeValue(names), n, false);
            }
        });
    }

    @Override
    default Domain rawDomainCreateXMLWithFiles(String xmlConfig, int[] files, int flags) {
        String fn = "virDomainCreateXMLWithFiles";
        NativeHandle h = guard();
        return h.call(fn, c -> {
            return new JnaDomain(Errors.ptr(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(c),
                CStrings.of(xmlConfig), files.length, QemuNatives.ints(files), flags}), fn));
        });
    }
}
