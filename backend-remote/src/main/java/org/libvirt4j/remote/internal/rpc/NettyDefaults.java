package org.libvirt4j.remote.internal.rpc;

/**
 * Netty settings the backend chooses before Netty initialises (issue 13, cold start), each only
 * where the application has not set it: a value the application gives always wins, and once
 * Netty has initialised (the application used it first) nothing changes.
 *
 * <p>{@value #JFR_PROPERTY}: Netty 4.2's pooled allocators check their JFR events on their
 * first allocation, which registers the event classes with the JDK's flight recorder (some 80
 * {@code jdk.jfr} classes, annotation proxies, reflection): about a fifth of the CPU a JVM
 * spends up to the remote backend's first answered call. The events are disabled in JFR's own
 * settings by default; {@code -Dio.netty.jfr.enabled=true} brings them back.
 */
final class NettyDefaults {
    /** Netty's system property for its allocators' JFR events. */
    static final String JFR_PROPERTY = "io.netty.jfr.enabled";

    private NettyDefaults() {
    }

    /** Sets the defaults the application left unset; the first connection's transport calls it. */
    static void apply() {
        try {
            if (System.getProperty(JFR_PROPERTY) == null) {
                System.setProperty(JFR_PROPERTY, "false");
            }
        } catch (SecurityException e) {
            // a security manager that forbids it keeps Netty's default: slower to start, nothing else
        }
    }
}
