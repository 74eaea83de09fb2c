/**
 * libvirt4j's API: the Go-mirrored object model, its value types and enums, and the SPI that
 * backends implement. Depends on nothing beyond {@code java.base}.
 */
module org.libvirt4j {
    exports org.libvirt4j;
    exports org.libvirt4j.spi;
    exports org.libvirt4j.spi.generated;

    uses org.libvirt4j.spi.LibvirtBackend;
}
