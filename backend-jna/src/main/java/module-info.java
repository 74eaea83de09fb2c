/**
 * libvirt4j's JNA backend: every API call goes straight to {@code libvirt.so.0} through JNA's
 * direct mapping.
 */
module org.libvirt4j.jna {
    requires org.libvirt4j;
    requires com.sun.jna;
    requires static com.google.auto.service;

    // JNA registers the native methods and invokes the auth callback by reflection.
    opens org.libvirt4j.jna.internal to com.sun.jna;

    provides org.libvirt4j.spi.LibvirtBackend with org.libvirt4j.jna.JnaBackend;
}
