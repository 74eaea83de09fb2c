package org.libvirt4j.jni;

import org.libvirt4j.tck.NativeLeakKit;

/** The native-memory checks of {@link NativeLeakKit} on this backend: lv_host.c, lv_irregular.c and lv_typed.c. */
class JniNativeLeakTest extends NativeLeakKit {
    JniNativeLeakTest() {
        super("jni");
    }
}
