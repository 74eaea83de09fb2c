package org.libvirt4j.remote.internal.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.libvirt4j.remote.generated.RemoteProcedure;
import org.libvirt4j.remote.internal.xdr.XdrReader;

/** Every generated {@code decode(XdrReader)}, found by reflection over the generated package. */
public final class Decoders {
    private static final String PACKAGE = "org.libvirt4j.remote.generated";

    private Decoders() {
    }

    /** One generated decoder. */
    public record Decoder(String name, MethodHandle handle) {
        /** {@return the decoded value} @param r the reader */
        public Object decode(XdrReader r) {
            try {
                return (Object) handle.invokeExact(r);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@return the decoders of every generated type, Args, Ret and Msg records and the structs, unions and enums they use} */
    public static List<Decoder> all() {
        List<Decoder> out = new ArrayList<>();
        try {
            Path root = Path.of(RemoteProcedure.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = root.resolve(PACKAGE.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.sorted().toList()) {
                    String n = f.getFileName().toString();
                    if (n.endsWith(".class") && !n.contains("$")) {
                        Decoder d = of(n.substring(0, n.length() - ".class".length()));
                        if (d != null) {
                            out.add(d);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** {@return the decoder of the generated type with this simple name, or null} @param simpleName e.g. RemoteDomainGetInfoRet */
    public static Decoder of(String simpleName) {
        try {
            Class<?> c = Class.forName(PACKAGE + "." + simpleName);
            Method m = c.getMethod("decode", XdrReader.class);
            if (!Modifier.isStatic(m.getModifiers())) {
                return null;
            }
            MethodHandle h = MethodHandles.publicLookup().unreflect(m)
                    .asType(MethodType.methodType(Object.class, XdrReader.class));
            return new Decoder(simpleName, h);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@return the generated decoder of a remote procedure's reply ({@code suffix} "Ret") or event
     * ({@code "Msg"}), by libvirt's naming rule, or null}
     * @param proc the procedure number
     * @param suffix "Ret" or "Msg"
     */
    public static Decoder forProc(int proc, String suffix) {
        for (RemoteProcedure p : RemoteProcedure.values()) {
            if (p.value() == proc) {
                StringBuilder b = new StringBuilder("Remote");
                for (String part : p.name().substring("REMOTE_PROC_".length()).split("_")) {
                    b.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
                }
                return of(b.append(suffix).toString());
            }
        }
        return null;
    }
}
