package org.libvirt4j.jna;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import org.libvirt4j.Domain;
import org.libvirt4j.jna.internal.Errors;
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
        return h.call(fn, s -> {
            try (Memory names = new Memory(8L * Math.max(1, maxnames))) {
                names.clear();
                int n = Math.min(NativeFunctions.check(fn, new Pointer(s), names, maxnames, flags), maxnames);
                return NativeArrays.takeStrings(Pointer.nativeValue(names), n, false);
            }
        });
    }

    @Override
    default Domain rawDomain() {
        String fn = "virDomainSnapshotGetDomain";
        NativeHandle h = guard();
        return h.call(fn, p -> {
            // the parent domain without a reference: take one for the new handle
            long d = Errors.ptr(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(p)}), fn);
            NativeFunctions.check("virDomainRef", new Pointer(d));
            return new JnaDomain(d);
        });
    }
}
