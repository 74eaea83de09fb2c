package org.libvirt4j.jna;

import com.sun.jna.Function;
import java.util.concurrent.ConcurrentHashMap;
import org.libvirt4j.jna.internal.Errors;
import org.libvirt4j.jna.internal.Natives;

/**
 * libvirt functions the hand-written calls reach through JNA's {@link Function}, looked up once
 * by name; a symbol the installed libvirt lacks is {@code ERR_NO_SUPPORT}.
 */
final class NativeFunctions {
    private static final ConcurrentHashMap<String, Function> FUNCTIONS = new ConcurrentHashMap<>();

    private NativeFunctions() {
    }

    static Function get(String name) {
        Function f = FUNCTIONS.get(name);
        if (f == null) {
            try {
                f = Natives.library().getFunction(name);
            } catch (UnsatisfiedLinkError e) {
                throw Errors.noSupport(name, e);
            }
            FUNCTIONS.putIfAbsent(name, f);
        }
        return f;
    }

    /** Calls an {@code int} function, checked as libvirt's status (negative: the last error). */
    static int check(String name, Object... args) {
        return Errors.check(get(name).invokeInt(args), name);
    }
}
