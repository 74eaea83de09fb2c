/**
 * libvirt4j's JNI backend: libvirt.so.0 through the project's own C glue, which resolves every
 * libvirt function with {@code dlsym} on first use.
 */
module org.libvirt4j.jni {
    requires org.libvirt4j;
    requires static com.google.auto.service;

    provides org.libvirt4j.spi.LibvirtBackend with org.libvirt4j.jni.JniBackend;
}
