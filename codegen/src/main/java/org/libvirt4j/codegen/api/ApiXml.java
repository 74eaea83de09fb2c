package org.libvirt4j.codegen.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the C enums and string macros out of libvirt's API description XMLs
 * ({@code /usr/share/libvirt/api/libvirt-*-api.xml}).
 */
final class ApiXml {

    /** The XML files read, in this order; the first one must exist. */
    static final List<String> FILES = List.of(
            "libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml", "libvirt-admin-api.xml");

    /** The main API file; the others are the hypervisor-specific and admin APIs. */
    static final String MAIN_FILE = FILES.get(0);

    /**
     * One value of a C enum.
     *
     * @param name the C name, e.g. {@code VIR_DOMAIN_RUNNING}
     * @param rawValue the {@code value} attribute as written: a number or another value's name
     * @param value the resolved value (a {@code long}; {@code 1 << 31} does not fit an {@code int})
     * @param info the {@code info} text, or {@code ""}
     * @param version the libvirt version that added it, or {@code ""}
     */
    record EnumValue(String name, String rawValue, long value, String info, String version) {
        /** Returns the value as the C {@code int} it is (wraps {@code 1 << 31} to negative). */
        int intValue() {
            return (int) value;
        }
    }

    /**
     * One C enum type, i.e. all {@code <enum>} elements sharing a {@code type} attribute.
     *
     * @param cName the C type name, e.g. {@code virDomainState}
     * @param file the XML file it came from
     * @param values its values sorted by value, then name
     */
    record EnumType(String cName, String file, List<EnumValue> values) {
    }

    /**
     * One string macro, the name of a typed-parameter field.
     *
     * @param name the C name, e.g. {@code VIR_DOMAIN_MEMORY_HARD_LIMIT}
     * @param value the string, e.g. {@code hard_limit}
     * @param info the {@code <info>} text, or {@code ""}
     * @param version the libvirt version that added it, or {@code ""}
     * @param file the XML file it came from
     */
    record StringMacro(String name, String value, String info, String version, String file) {
    }

    /**
     * Everything read from the XMLs.
     *
     * @param files the XML files actually read, in {@link #FILES} order
     * @param enums the enum types, sorted by file (in {@link #FILES} order), then C name
     * @param macros the string macros, sorted by file, then C name
     */
    record Api(List<String> files, List<EnumType> enums, List<StringMacro> macros) {
        /** Returns the number of enum values over all types. */
        int valueCount() {
            return enums.stream().mapToInt(e -> e.values().size()).sum();
        }
    }

    private record RawEnum(String name, String type, String rawValue, String info, String version, String file) {
    }

    private ApiXml() {
    }

    /**
     * Reads all {@link #FILES} present in {@code dir}.
     *
     * @throws IOException if {@code libvirt-api.xml} is missing or a file cannot be read or parsed
     */
    static Api read(Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        List<RawEnum> rawEnums = new ArrayList<>();
        List<StringMacro> macros = new ArrayList<>();
        for (String file : FILES) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                if (file.equals(MAIN_FILE)) {
                    throw new IOException("missing " + path);
                }
                continue;
            }
            files.add(file);
            Document doc = parse(path);
            for (Element e : elements(doc, "enum")) {
                rawEnums.add(new RawEnum(required(e, "name", path), required(e, "type", path),
                        required(e, "value", path), e.getAttribute("info"), e.getAttribute("version"), file));
            }
            for (Element m : elements(doc, "macro")) {
                if (!m.hasAttribute("string")) {
                    continue;
                }
                // libvirt 9 puts a macro's description in an <info> child; accept an attribute too.
                String info = m.getAttribute("info");
                for (Node n = m.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element child && child.getTagName().equals("info")) {
                        info = child.getTextContent();
                    }
                }
                macros.add(new StringMacro(required(m, "name", path), m.getAttribute("string"), info,
                        m.getAttribute("version"), file));
            }
        }
        Comparator<String> byFile = Comparator.comparingInt(FILES::indexOf);
        macros.sort(Comparator.comparing(StringMacro::file, byFile).thenComparing(StringMacro::name));
        return new Api(List.copyOf(files), group(rawEnums, byFile), List.copyOf(macros));
    }

    private static List<EnumType> group(List<RawEnum> rawEnums, Comparator<String> byFile) {
        Map<String, RawEnum> byName = new HashMap<>();
        for (RawEnum e : rawEnums) {
            if (byName.put(e.name(), e) != null) {
                throw new IllegalArgumentException("enum value " + e.name() + " defined twice");
            }
        }
        Map<String, List<EnumValue>> byType = new LinkedHashMap<>();
        Map<String, String> fileOfType = new HashMap<>();
        for (RawEnum e : rawEnums) {
            String previous = fileOfType.putIfAbsent(e.type(), e.file());
            if (previous != null && !previous.equals(e.file())) {
                throw new IllegalArgumentException("enum type " + e.type() + " spans " + previous + " and " + e.file());
            }
            long value = resolve(e.name(), byName, new HashSet<>());
            byType.computeIfAbsent(e.type(), t -> new ArrayList<>())
                    .add(new EnumValue(e.name(), e.rawValue(), value, e.info(), e.version()));
        }
        List<EnumType> types = new ArrayList<>();
        byType.forEach((type, values) -> {
            values.sort(Comparator.comparingLong(EnumValue::value).thenComparing(EnumValue::name));
            types.add(new EnumType(type, fileOfType.get(type), List.copyOf(values)));
        });
        types.sort(Comparator.comparing(EnumType::file, byFile).thenComparing(EnumType::cName));
        return List.copyOf(types);
    }

    /**
     * Resolves a value attribute: a decimal number, or the name of another enum value (in any of
     * the files: libvirt-qemu-api.xml refers to libvirt-api.xml's values).
     */
    private static long resolve(String name, Map<String, RawEnum> byName, Set<String> seen) {
        if (!seen.add(name)) {
            throw new IllegalArgumentException("enum value " + name + " refers to itself via " + seen);
        }
        RawEnum e = byName.get(name);
        if (e == null) {
            throw new IllegalArgumentException("unknown enum value " + name);
        }
        String raw = e.rawValue().trim();
        if (raw.matches("-?[0-9]+")) {
            long value = Long.parseLong(raw);
            if (value < Integer.MIN_VALUE || value > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException(name + " = " + raw + " does not fit 32 bits");
            }
            return value;
        }
        return resolve(raw, byName, seen);
    }

    private static Document parse(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in, path.toUri().toString());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + path + ": " + e.getMessage(), e);
        }
    }

    private static List<Element> elements(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> result = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    private static String required(Element e, String attribute, Path path) {
        String value = e.getAttribute(attribute);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(path + ": <" + e.getTagName() + "> without " + attribute);
        }
        return value;
    }
}
