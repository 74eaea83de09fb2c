package org.libvirt4j.jna;

import com.sun.jna.Pointer;
import org.libvirt4j.Domain;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.spi.DomainCheckpointIrregularContract;
import org.libvirt4j.spi.NativeHandle;

/** The raw operation of {@link DomainCheckpointIrregularContract} through JNA. */
interface JnaDomainCheckpointIrregular extends DomainCheckpointIrregularContract {

    /** {@return the checkpoint's guarded pointer} */
    NativeHandle guard();

    @Override
    default Domain rawDomain() {
        String fn = "virDomainCheckpointGetDomain";
        NativeHandle h = guard();
        return h.call(fn, p -> {
            // the parent domain without a reference: take one for the new handle
            long d = Errors.ptr(NativeFunctions.get(fn).invokeLong(new Object[] {new Pointer(p)}), fn);
            NativeFunctions.check("virDomainRef", new Pointer(d));
            return new JnaDomain(d);
        });
    }
}
