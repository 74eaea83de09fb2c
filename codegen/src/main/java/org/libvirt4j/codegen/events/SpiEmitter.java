package org.libvirt4j.codegen.events;

import java.util.List;
import org.libvirt4j.codegen.events.EventGenerator.Arg;
import org.libvirt4j.codegen.events.EventGenerator.Family;
import org.libvirt4j.codegen.events.EventGenerator.Kind;

/** The SPI's event table ({@code EventKind}) and the register methods' contract. */
final class SpiEmitter {
    private SpiEmitter() {
    }

    static String eventKind(List<Kind> kinds) {
        StringBuilder s = new StringBuilder(EventGenerator.HEADER);
        s.append("package org.libvirt4j.spi.generated;\n\n");
        s.append("import java.util.ArrayList;\nimport java.util.LinkedHashMap;\nimport java.util.List;\nimport java.util.Map;\n");
        s.append("import org.libvirt4j.Connect;\nimport org.libvirt4j.DomainEventGraphicsAddress;\n");
        s.append("import org.libvirt4j.DomainEventGraphicsSubjectIdentity;\nimport org.libvirt4j.spi.ObjectKind;\n");
        s.append("import org.libvirt4j.spi.TypedParameter;\n\n");
        s.append("""
                /**
                 * Every event id of libvirt's five event families, the one table each backend registers, decodes
                 * and delivers events by: the family, libvirt's id, the C callback type, and the event's fields as
                 * a signature of one letter each, in C's order after the object: {@code I} an int ({@link Integer}),
                 * {@code J} a 64-bit number ({@link Long}), {@code S} a string ({@link String}, may be null),
                 * {@code P} typed parameters (a {@code List<TypedParameter>}), {@code A} a graphics address
                 * ({@link DomainEventGraphicsAddress}), {@code U} a graphics subject (a
                 * {@code List<DomainEventGraphicsSubjectIdentity>}).
                 */
                public enum EventKind {
                """);
        for (int i = 0; i < kinds.size(); i++) {
            Kind k = kinds.get(i);
            s.append("    /** {@code ").append(k.constant()).append("}, delivered through {@code ").append(k.callbackType())
                    .append("}. */\n");
            s.append("    ").append(k.constantName()).append("(Family.").append(k.family().name()).append(", ").append(k.id())
                    .append(", \"").append(k.callbackType()).append("\", \"").append(k.signature()).append("\", ")
                    .append(k.returnsInt()).append(", org.libvirt4j.").append(k.callbackInterface()).append(".class)")
                    .append(i == kinds.size() - 1 ? ";\n\n" : ",\n");
        }
        s.append("""
                    private final Family family;
                    private final int eventId;
                    private final String callbackType;
                    private final String signature;
                    private final boolean returnsInt;
                    private final Class<?> callbackInterface;

                    EventKind(Family family, int eventId, String callbackType, String signature, boolean returnsInt,
                            Class<?> callbackInterface) {
                        this.family = family;
                        this.eventId = eventId;
                        this.callbackType = callbackType;
                        this.signature = signature;
                        this.returnsInt = returnsInt;
                        this.callbackInterface = callbackInterface;
                    }

                    /** {@return the family, which names the register and deregister functions} */
                    public Family family() {
                        return family;
                    }

                    /** {@return libvirt's event id within the family} */
                    public int eventId() {
                        return eventId;
                    }

                    /** {@return the C callback type libvirt calls} */
                    public String callbackType() {
                        return callbackType;
                    }

                    /** {@return the fields, one letter each (see the class comment)} */
                    public String signature() {
                        return signature;
                    }

                    /** {@return whether the C callback returns int (only the domain lifecycle's does)} */
                    public boolean returnsInt() {
                        return returnsInt;
                    }

                    /** {@return the API's callback interface for this kind} */
                    public Class<?> callbackInterface() {
                        return callbackInterface;
                    }

                    /**
                     * @param family the family
                     * @param eventId libvirt's id
                     * @return the kind, or {@code null} for an id newer than this binding
                     */
                    public static EventKind of(Family family, int eventId) {
                        for (EventKind k : values()) {
                            if (k.family == family && k.eventId == eventId) {
                                return k;
                            }
                        }
                        return null;
                    }

                    /**
                     * Builds the API's event record.
                     *
                     * @param args the fields, as the signature says
                     * @return the record
                     */
                    public Object event(Object... args) {
                        return switch (this) {
                """);
        for (Kind k : kinds) {
            s.append("            case ").append(k.constantName()).append(" -> new org.libvirt4j.").append(k.record()).append("(");
            for (int i = 0; i < k.args().size(); i++) {
                Arg a = k.args().get(i);
                if (i > 0) {
                    s.append(", ");
                }
                s.append(switch (a.letter()) {
                    case 'I' -> "(Integer) args[" + i + "]";
                    case 'J' -> "(Long) args[" + i + "]";
                    case 'S' -> "(String) args[" + i + "]";
                    case 'P' -> "params(args[" + i + "])";
                    case 'A' -> "(DomainEventGraphicsAddress) args[" + i + "]";
                    case 'U' -> "identities(args[" + i + "])";
                    default -> throw new IllegalStateException();
                });
            }
            int typed = k.signature().indexOf('P');
            for (EventGenerator.View v : EventGenerator.views(k.record())) {
                s.append(", ").append(String.format(v.expr(), "typed(args[" + typed + "])"));
            }
            s.append(");\n");
        }
        s.append("""
                        };
                    }

                    /**
                     * Calls a callback of this kind's interface.
                     *
                     * @param callback the user's callback, of {@link #callbackInterface()}
                     * @param conn the connection it was registered on
                     * @param object the object the event is about, of the family's API type
                     * @param event what {@link #event} built
                     */
                    public void deliver(Object callback, Connect conn, Object object, Object event) {
                        switch (this) {
                """);
        for (Kind k : kinds) {
            s.append("            case ").append(k.constantName()).append(" -> ((org.libvirt4j.").append(k.callbackInterface())
                    .append(") callback).onEvent(conn, (org.libvirt4j.").append(k.family().java).append(") object, (org.libvirt4j.")
                    .append(k.record()).append(") event);\n");
        }
        s.append("""
                            default -> throw new IllegalStateException(name());
                        }
                    }

                    private static Map<String, Object> params(Object list) {
                        Map<String, Object> out = new LinkedHashMap<>();
                        for (Object o : (List<?>) list) {
                            TypedParameter p = (TypedParameter) o;
                            out.put(p.field(), p.value());
                        }
                        return out;
                    }

                    private static List<TypedParameter> typed(Object list) {
                        List<TypedParameter> out = new ArrayList<>();
                        for (Object o : (List<?>) list) {
                            out.add((TypedParameter) o);
                        }
                        return out;
                    }

                    private static List<DomainEventGraphicsSubjectIdentity> identities(Object list) {
                        List<DomainEventGraphicsSubjectIdentity> out = new ArrayList<>();
                        for (Object o : (List<?>) list) {
                            out.add((DomainEventGraphicsSubjectIdentity) o);
                        }
                        return out;
                    }

                    /** The objects events are about, each with its register, deregister and reference functions. */
                    public enum Family {
                """);
        Family[] fs = Family.values();
        for (int i = 0; i < fs.length; i++) {
            Family f = fs[i];
            s.append("        /** {@code ").append(f.register()).append("}. */\n");
            s.append("        ").append(f.name()).append("(\"").append(f.register()).append("\", \"").append(f.deregister())
                    .append("\", \"").append(f.ref()).append("\", ObjectKind.").append(f.name()).append(")")
                    .append(i == fs.length - 1 ? ";\n\n" : ",\n");
        }
        s.append("""
                        private final String register;
                        private final String deregister;
                        private final String ref;
                        private final ObjectKind objectKind;

                        Family(String register, String deregister, String ref, ObjectKind objectKind) {
                            this.register = register;
                            this.deregister = deregister;
                            this.ref = ref;
                            this.objectKind = objectKind;
                        }

                        /** {@return the C register function} */
                        public String register() {
                            return register;
                        }

                        /** {@return the C deregister function} */
                        public String deregister() {
                            return deregister;
                        }

                        /** {@return the C function that takes a reference on the family's object} */
                        public String ref() {
                            return ref;
                        }

                        /** {@return the object kind} */
                        public ObjectKind objectKind() {
                            return objectKind;
                        }
                    }
                }
                """);
        return s.toString();
    }

    static String contract(List<Kind> kinds) {
        StringBuilder s = new StringBuilder(EventGenerator.HEADER);
        s.append("package org.libvirt4j.spi.generated;\n\n");
        s.append("import java.util.Objects;\nimport org.libvirt4j.ConnectEvents;\n\n");
        s.append("""
                /**
                 * The backend contract of {@link ConnectEvents}, written once: each register method checks its
                 * callback and hands the kind to {@link #eventRegister}, each deregister method its family to
                 * {@link #eventDeregister}.
                 */
                public interface ConnectEventsContract extends ConnectEvents {
                """);
        for (Kind k : kinds) {
            Family f = k.family();
            s.append("\n    @Override\n    default int ").append(k.registerMethod()).append("(org.libvirt4j.").append(f.java)
                    .append(" ").append(f.param).append(", org.libvirt4j.").append(k.callbackInterface()).append(" callback) {\n");
            s.append("        Objects.requireNonNull(callback, \"callback\");\n");
            s.append("        return eventRegister(EventKind.").append(k.constantName()).append(", ").append(f.param)
                    .append(", callback);\n    }\n");
        }
        for (Family f : Family.values()) {
            s.append("\n    @Override\n    default void ").append(f.lower()).append("EventDeregister(int callbackId) {\n");
            s.append("        eventDeregister(EventKind.Family.").append(f.name()).append(", callbackId);\n    }\n");
        }
        s.append("""

                    /**
                     * Registers callback for one kind of event.
                     *
                     * @param kind the event id
                     * @param target the filter (the family's API type), or {@code null} for every object
                     * @param callback the user's callback, not {@code null}, of the kind's interface
                     * @return the callback id
                     */
                    int eventRegister(EventKind kind, Object target, Object callback);

                    /**
                     * Deregisters a callback of one family.
                     *
                     * @param family the family whose register method returned the id
                     * @param callbackId the id
                     */
                    void eventDeregister(EventKind.Family family, int callbackId);
                }
                """);
        return s.toString();
    }
}
