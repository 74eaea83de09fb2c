package org.libvirt4j.codegen.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The rules that turn libvirt's C names into Java names.
 *
 * <ul>
 *   <li>Type: drop the leading {@code vir} ({@code virDomainState} becomes {@code DomainState}).
 *   <li>Constants of a type with two or more values: drop the longest {@code _}-bounded prefix
 *       all of them share ({@code VIR_DOMAIN_RUNNING} becomes {@code RUNNING}). A {@code _LAST}
 *       sentinel does not narrow that prefix (when two other values remain) and loses only the
 *       part of it it shares: {@code virErrorDomain} gives {@code NONE}, {@code DOM}, ... and
 *       {@code ERR_DOMAIN_LAST} for {@code VIR_ERR_DOMAIN_LAST}.
 *   <li>The constant of a single-value type: drop {@code VIR_} and then each leading segment that
 *       stands for a word of the type name ({@code virDomainDefineFlags} with
 *       {@code VIR_DOMAIN_DEFINE_VALIDATE} gives {@code VALIDATE}).
 *   <li>Either way a name is never left empty nor starting with a digit: it then keeps one more
 *       segment of the prefix (the whole type backs off together, so its names stay unique and
 *       alike).
 * </ul>
 */
public final class ApiNaming {

    /**
     * The C types libvirt-go-module gives another Go name than the rule's (read off its sources:
     * the type each constant is converted to); Java follows Go. Go's binding of
     * {@code virNWFilterBindingCreateFlags} to {@code NetworkPortCreateFlags} is left out: its
     * constants belong to the filter binding.
     */
    static final Map<String, String> GO_NAMES = Map.of(
            "virConnectDomainQemuMonitorEventRegisterFlags", "DomainQemuMonitorEventFlags",
            "virDomainAbortJobFlagsValues", "DomainAbortJobFlags",
            "virDomainAgentResponseTimeoutValues", "DomainAgentSetResponseTimeoutValues",
            "virDomainAuthorizedSSHKeysSetFlags", "DomainAuthorizedSSHKeysFlags",
            "virDomainDestroyFlagsValues", "DomainDestroyFlags",
            "virDomainEventTrayChangeReason", "ConnectDomainEventTrayChangeReason",
            "virDomainJobOperation", "DomainJobOperationType",
            "virDomainQemuAgentCommandTimeoutValues", "DomainQemuAgentCommandTimeout",
            "virDomainShutdownFlagValues", "DomainShutdownFlags");

    /**
     * Simple names a generated type must not take: those the generated code itself refers to
     * (a same-package class would shadow {@code java.lang.String}), and the hand-written
     * interface and generated class that share the package.
     */
    static final Set<String> RESERVED_TYPE_NAMES = Set.of(
            "LibvirtEnum", "TypedParameterFields", "String", "Object", "Override", "Enum", "Class",
            "EnumSet", "IllegalStateException", "Integer", "Deprecated", "SuppressWarnings");

    /** Suffix given to Java names when the plain one is taken, by XML file. */
    private static final Map<String, String> FILE_TAG = Map.of(
            "libvirt-api.xml", "",
            "libvirt-qemu-api.xml", "Qemu",
            "libvirt-lxc-api.xml", "Lxc",
            "libvirt-admin-api.xml", "Admin");

    private ApiNaming() {
    }

    /**
     * Returns the plain Java type name for a C type name: Go's name where Go renames it, else
     * the C name without the leading {@code vir}.
     *
     * @param cType the C type name
     * @return the Java type name
     */
    public static String typeName(String cType) {
        String go = GO_NAMES.get(cType);
        if (go != null) {
            return go;
        }
        String name = cType.startsWith("vir") && cType.length() > 3 && Character.isUpperCase(cType.charAt(3))
                ? cType.substring(3)
                : cType;
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * A Java type name that had to differ from {@link #typeName(String)}.
     *
     * @param cType the C type
     * @param wanted the plain name it would have had
     * @param chosen the name it got
     */
    record Clash(String cType, String wanted, String chosen) {
    }

    /**
     * Chooses a unique Java type name for each C type, deterministically. Types are taken in the
     * order given (main file first), so the earlier one keeps the plain name; a later one that
     * clashes (names are compared ignoring case, as on case-insensitive file systems) tries the
     * plain name with its file's tag ({@code Qemu}, {@code Lxc}, {@code Admin}) prepended, then
     * the C name capitalised ({@code VirDomainState}), then a numeric suffix.
     *
     * @param cTypesWithFile C type name to XML file, in priority order
     * @param clashes receives a {@link Clash} for every type not given its plain name
     * @return C type name to Java type name, in the same order
     */
    static Map<String, String> typeNames(Map<String, String> cTypesWithFile, List<Clash> clashes) {
        Set<String> taken = new HashSet<>();
        RESERVED_TYPE_NAMES.forEach(n -> taken.add(n.toLowerCase(Locale.ROOT)));
        Map<String, String> result = new LinkedHashMap<>();
        cTypesWithFile.forEach((cType, file) -> {
            String plain = typeName(cType);
            List<String> candidates = new ArrayList<>();
            candidates.add(plain);
            String tag = FILE_TAG.getOrDefault(file, "");
            if (!tag.isEmpty() && !plain.startsWith(tag)) {
                candidates.add(tag + plain);
            }
            candidates.add(Character.toUpperCase(cType.charAt(0)) + cType.substring(1));
            String chosen = null;
            for (String candidate : candidates) {
                if (!taken.contains(candidate.toLowerCase(Locale.ROOT))) {
                    chosen = candidate;
                    break;
                }
            }
            for (int i = 2; chosen == null; i++) {
                if (!taken.contains((plain + i).toLowerCase(Locale.ROOT))) {
                    chosen = plain + i;
                }
            }
            taken.add(chosen.toLowerCase(Locale.ROOT));
            if (!chosen.equals(plain)) {
                clashes.add(new Clash(cType, plain, chosen));
            }
            result.put(cType, chosen);
        });
        return result;
    }

    /**
     * Returns the Java constant names for the values of one C type, in the order given.
     *
     * @param cType the C type name, e.g. {@code virDomainState}
     * @param cNames its values' C names, e.g. {@code VIR_DOMAIN_RUNNING}; at least one, all distinct
     */
    static List<String> constantNames(String cType, List<String> cNames) {
        if (cNames.isEmpty()) {
            throw new IllegalArgumentException(cType + " has no values");
        }
        List<String[]> segments = new ArrayList<>();
        for (String name : cNames) {
            segments.add(name.split("_", -1));
        }
        String[] reference;
        int prefix;
        if (cNames.size() == 1) {
            reference = segments.get(0);
            prefix = typeWordSegments(cType, reference);
        } else {
            List<String[]> basis = new ArrayList<>();
            for (String[] s : segments) {
                if (!isSentinel(s)) {
                    basis.add(s);
                }
            }
            if (basis.size() < 2) {
                basis = segments;
            }
            reference = basis.get(0);
            prefix = commonPrefixSegments(basis);
        }
        while (true) {
            List<String> names = new ArrayList<>();
            boolean ok = true;
            for (String[] s : segments) {
                int strip = sharedSegments(s, reference, prefix);
                String name = String.join("_", Arrays.asList(s).subList(strip, s.length));
                ok &= !name.isEmpty() && !Character.isDigit(name.charAt(0));
                names.add(name);
            }
            if (ok || prefix == 0) {
                if (new HashSet<>(names).size() != names.size()) {
                    throw new IllegalArgumentException(cType + ": constant names clash: " + names);
                }
                return names;
            }
            prefix--;
        }
    }

    /**
     * Tells whether a C name is a {@code _LAST} sentinel. Sentinels do not narrow the common
     * prefix: libvirt names some of them apart from their type ({@code VIR_ERR_DOMAIN_LAST} ends
     * the {@code VIR_FROM_*} values of {@code virErrorDomain}).
     */
    static boolean isSentinel(String[] segments) {
        return segments.length > 1 && segments[segments.length - 1].equals("LAST");
    }

    /** Returns how many of the first {@code limit} segments of {@code s} equal those of {@code reference}. */
    static int sharedSegments(String[] s, String[] reference, int limit) {
        int i = 0;
        while (i < limit && i < s.length && i < reference.length && s[i].equals(reference[i])) {
            i++;
        }
        return i;
    }

    /** Returns how many leading segments all names share. */
    static int commonPrefixSegments(List<String[]> segments) {
        String[] first = segments.get(0);
        int common = first.length;
        for (String[] s : segments) {
            common = sharedSegments(s, first, common);
        }
        return common;
    }

    /**
     * Returns how many leading segments of a single value's C name stand for the type name:
     * {@code VIR} itself, then each segment that names the next word (or run of words) of the
     * type, possibly skipping type words the C name leaves out ({@code virDomainSetTimeFlags} with
     * {@code VIR_DOMAIN_TIME_SYNC}) or abbreviating it ({@code PARAM} for {@code Parameter}).
     */
    static int typeWordSegments(String cType, String[] segments) {
        List<String> words = words(typeName(cType));
        int strip = 0;
        if (segments.length > 0 && segments[0].equals("VIR")) {
            strip = 1;
        }
        int word = 0;
        segment:
        for (; strip < segments.length; strip++) {
            String segment = segments[strip];
            for (int from = word; from < words.size(); from++) {
                if (segment.length() >= 3 && words.get(from).length() > segment.length()
                        && words.get(from).startsWith(segment)) {
                    word = from + 1;
                    continue segment;
                }
                StringBuilder run = new StringBuilder();
                for (int to = from; to < words.size() && run.length() < segment.length(); to++) {
                    run.append(words.get(to));
                    if (run.toString().equals(segment)) {
                        word = to + 1;
                        continue segment;
                    }
                }
            }
            break;
        }
        return strip;
    }

    /**
     * Splits a camel-case name into upper-case words: {@code NodeGetCPUStatsAllCPUs} gives
     * {@code NODE GET CPU STATS ALL CPUS}; {@code NWFilterDefineFlags} gives
     * {@code NW FILTER DEFINE FLAGS}.
     */
    static List<String> words(String camel) {
        List<String> words = new ArrayList<>();
        int start = 0;
        int n = camel.length();
        for (int i = 1; i < n; i++) {
            char prev = camel.charAt(i - 1);
            char c = camel.charAt(i);
            boolean boundary = false;
            if (Character.isUpperCase(c)) {
                boolean nextLower = i + 1 < n && Character.isLowerCase(camel.charAt(i + 1));
                // An acronym's plural ("CPUs") is one word: its 's' is followed by an upper case
                // letter or the end.
                boolean plural = nextLower && camel.charAt(i + 1) == 's'
                        && (i + 2 == n || !Character.isLowerCase(camel.charAt(i + 2)));
                boundary = !Character.isUpperCase(prev) || (nextLower && !plural);
            }
            if (boundary) {
                words.add(camel.substring(start, i).toUpperCase(Locale.ROOT));
                start = i;
            }
        }
        words.add(camel.substring(start).toUpperCase(Locale.ROOT));
        return words;
    }

    /** Returns the Java constant name for a string macro: its C name without {@code VIR_}. */
    static String fieldName(String macroName) {
        String name = macroName.startsWith("VIR_") ? macroName.substring(4) : macroName;
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
            name = macroName;
        }
        return name;
    }
}
