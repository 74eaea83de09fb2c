package org.libvirt4j.jna;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.libvirt4j.Connect;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/**
 * libvirt 9.0's libvirt-admin.so.0 and libvirt.so.0 crash a process that uses both
 * ({@link org.libvirt4j.spi.NativeLibraryUse}): in a JVM that holds libvirt.so connections, the
 * admin API must be refused, never reached. Runs in the default surefire JVM, whose other tests
 * open connections; the admin area runs in a JVM of its own.
 */
class JnaAdminExclusionTest {
    @Test
    void adminIsRefusedOnceConnectionsWereOpened() {
        try (Connect c = Libvirt.using("jna").newConnect("test:///default")) {
            assertThat(c.getType()).isEqualTo("TEST");
            LibvirtException e = catchThrowableOfType(LibvirtException.class,
                    () -> Libvirt.using("jna").newAdmConnect("libvirtd:///system?socket=/nonexistent"));
            assertThat(e).isNotNull();
            assertThat(e.code()).isEqualTo(ErrorNumber.ERR_NO_SUPPORT);
            assertThat(e.getMessage()).startsWith("this function is not supported by the connection driver: "
                    + "virAdmConnectOpen (this JVM already opened connections through libvirt.so.0");
            // and the process still works
            assertThat(c.isAlive()).isTrue();
        }
    }
}
