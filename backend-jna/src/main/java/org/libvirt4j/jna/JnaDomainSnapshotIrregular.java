package org.libvirt4j.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.libvirt4j.spi.DomainSnapshotIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operations of {@link DomainSnapshotIrregularContract} through JNA. */
interface JnaDomainSnapshotIrregular extends DomainSnapshotIrregularContract {

    /** {@return the snapshot's guarded pointer} */
    NativeHandle guard();

    @Override
    default String[] rawListChildrenNames(int maxnames, int flags) {
        String fn = "virDomainSnapshotListChildrenNames";
        NativeHandle h = guard();
        long s = h.acquire(fn);
        try {
            Memory names = new Memory(8L * Math.max(1, maxnames));
            names.clear();
            int n = Math.min(NativeFunctions.check(fn, new Pointer(s), names, maxnames, flags), maxnames);
            return NativeArrays.takeStrings(Pointer.nativeValue(names), n, false);
        } finally {
            h.release();
        }
    }
}
