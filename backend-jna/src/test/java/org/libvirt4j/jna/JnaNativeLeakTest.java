package org.libvirt4j.jna;

import org.libvirt4j.tck.NativeLeakKit;

/** The native-memory checks of {@link NativeLeakKit} on this backend: JnaManual, the Jna*Irregular mixins and JnaTypedCalls. */
class JnaNativeLeakTest extends NativeLeakKit {
    JnaNativeLeakTest() {
        super("jna");
    }
}
