package org.libvirt4j.jni;

import org.libvirt4j.Connect;
import org.libvirt4j.Libvirt;
import org.libvirt4j.LibvirtException;

/** Run in a child JVM by {@link JniLoadingTest}: prints what the JNI backend does there, one fact per line. */
final class StubProbe {
    private StubProbe() {
    }

    public static void main(String[] args) {
        JniBackend backend = new JniBackend();
        System.out.println("cause=" + backend.unavailabilityCause().map(t -> {
            StringBuilder sb = new StringBuilder(String.valueOf(t.getMessage()));
            for (Throwable s : t.getSuppressed()) {
                sb.append(" | suppressed: ").append(s);
            }
            return sb.toString();
        }).orElse("none"));
        try {
            Libvirt.using("jni");
            System.out.println("using=ok");
        } catch (LibvirtException e) {
            System.out.println("using=" + e.code() + ": " + e.getMessage().replace('\n', ' '));
        }
        if (args.length > 0 && args[0].equals("call")) {
            try (Connect c = Libvirt.using("jni").newConnect("test:///default")) {
                System.out.println("version=" + c.getLibVersion());
                c.getHostname();
                System.out.println("hostname=ok");
            } catch (LibvirtException e) {
                System.out.println("hostname=" + e.code() + ": " + e.getMessage());
            }
        }
    }
}
