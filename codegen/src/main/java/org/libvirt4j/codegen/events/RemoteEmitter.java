package org.libvirt4j.codegen.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.libvirt4j.codegen.events.EventGenerator.Arg;
import org.libvirt4j.codegen.events.EventGenerator.Kind;
import org.libvirt4j.codegen.xdr.XdrStructs;

/**
 * The remote backend's event decoder: per event procedure, the message's callback id, object and
 * fields, lined up with the C callback's arguments (a generator error if they do not line up).
 */
final class RemoteEmitter {
    private RemoteEmitter() {
    }

    static String decoder(List<Kind> kinds, Map<String, List<XdrStructs.Field>> structs) {
        StringBuilder s = new StringBuilder(EventGenerator.HEADER);
        s.append("package org.libvirt4j.remote.internal;\n\n");
        s.append("import org.libvirt4j.DomainEventGraphicsAddress;\nimport org.libvirt4j.DomainEventGraphicsSubjectIdentity;\n");
        s.append("import org.libvirt4j.remote.generated.RemoteProcedure;\nimport org.libvirt4j.remote.internal.xdr.XdrReader;\n");
        s.append("import org.libvirt4j.spi.generated.EventKind;\n\n");
        s.append("""
                /** The daemon's event messages, one per event id, decoded into {@link EventKind}'s fields. */
                final class RemoteEventMessages {
                    private RemoteEventMessages() {
                    }

                    /**
                     * One decoded event.
                     *
                     * @param kind the event id
                     * @param callbackId the daemon's id of the registration
                     * @param object the {@code remote_nonnull_*} object the event is about
                     * @param args the fields, as {@link EventKind#signature()} says
                     */
                    record Decoded(EventKind kind, int callbackId, Object object, Object[] args) {
                    }

                    /**
                     * @param p the message's procedure
                     * @param r its body
                     * @return the event, or {@code null} for a procedure that is no event of {@link EventKind}
                     */
                    static Decoded decode(RemoteProcedure p, XdrReader r) {
                        return switch (p) {
                """);
        for (Kind k : kinds) {
            String msg = k.remoteMsg();
            String type = XdrStructs.typeName(msg);
            String proc = "REMOTE_PROC_" + msg.substring("remote_".length(), msg.length() - "_msg".length()).toUpperCase(Locale.ROOT);
            List<XdrStructs.Field> fields = structs.get(msg);
            if (!fields.get(0).javaName().equals("callbackID")) {
                throw new IllegalStateException(msg + ": no callbackID");
            }
            // the older messages nest the legacy one as "msg"; a few carry extra fields beside it (pm*: reason)
            List<String[]> flat = new ArrayList<>(); // {xdrType, accessor expression}
            List<String[]> outer = new ArrayList<>();
            for (XdrStructs.Field f : fields.subList(1, fields.size())) {
                if (f.javaName().equals("msg")) {
                    for (XdrStructs.Field g : structs.get(f.xdrType())) {
                        flat.add(new String[] {g.xdrType(), "m.msg()." + g.javaName() + "()"});
                    }
                } else {
                    outer.add(new String[] {f.xdrType(), "m." + f.javaName() + "()"});
                }
            }
            flat.addAll(outer);
            String object = flat.get(0)[1];
            List<String[]> rest = flat.subList(1, flat.size());
            if (rest.size() != k.args().size()) {
                throw new IllegalStateException(msg + ": " + rest.size() + " fields for " + k.args().size() + " arguments");
            }
            List<String> args = new ArrayList<>();
            for (int i = 0; i < rest.size(); i++) {
                String[] f = rest.get(i);
                Arg a = k.args().get(i);
                String x = f[1];
                String expected = switch (f[0]) {
                    case "int", "unsigned int" -> "I";
                    case "hyper", "unsigned hyper" -> "J";
                    case "remote_nonnull_string", "remote_string" -> "S";
                    case "remote_typed_param" -> "P";
                    case "remote_domain_event_graphics_address" -> "A";
                    case "remote_domain_event_graphics_identity" -> "U";
                    default -> "?" + f[0];
                };
                if (!expected.equals(String.valueOf(a.letter()))) {
                    throw new IllegalStateException(msg + "." + x + ": " + expected + " for " + a.letter());
                }
                args.add(switch (a.letter()) {
                    case 'P' -> "Wire.fromWire(" + x + ")";
                    case 'A' -> "new DomainEventGraphicsAddress(" + x + ".family(), " + x + ".node(), " + x + ".service())";
                    case 'U' -> x + ".stream().map(i -> new DomainEventGraphicsSubjectIdentity(i.type(), i.name())).toList()";
                    default -> x;
                });
            }
            s.append("            case ").append(proc).append(" -> {\n");
            s.append("                var m = org.libvirt4j.remote.generated.").append(type).append(".decode(r);\n");
            s.append("                yield new Decoded(EventKind.").append(k.constantName()).append(", m.callbackID(), ").append(object)
                    .append(", new Object[] {").append(String.join(", ", args)).append("});\n");
            s.append("            }\n");
        }
        s.append("""
                            default -> null;
                        };
                    }
                }
                """);
        return s.toString();
    }
}
