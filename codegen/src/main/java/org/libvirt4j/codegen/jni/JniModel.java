package org.libvirt4j.codegen.jni;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The parts of {@code libvirt-api.xml} the JNI glue needs: functions, function types,
 * typedefs, structs and numeric macros, in document order.
 */
final class JniModel {

    /** One argument or struct field: its name and C type as the XML spells it. */
    record Param(String name, String type) {
    }

    /** A function or a function type: return type and arguments. */
    record Function(String name, String returnType, List<Param> args, String module) {
    }

    /** A typedef: {@code type} is {@code "enum"} or a C type such as {@code "virDomain *"}. */
    record Typedef(String name, String type) {
    }

    /**
     * A struct: {@code tag} is the C tag ({@code _virDomainInfo}); {@code fields} is empty for
     * an opaque struct; a field of type {@code union} carries its members in {@code union}.
     */
    record Struct(String name, String tag, List<Field> fields) {
    }

    /** A struct field; {@code union} holds the members when {@code type} is {@code union}. */
    record Field(String name, String type, List<Field> union) {
    }

    /** A macro with a raw value. */
    record Macro(String name, String raw) {
    }

    final List<Function> functions = new ArrayList<>();
    final List<Function> functypes = new ArrayList<>();
    final List<Typedef> typedefs = new ArrayList<>();
    final List<Struct> structs = new ArrayList<>();
    final List<Macro> macros = new ArrayList<>();

    private JniModel() {
    }

    /** Reads one API XML file. */
    static JniModel read(Path xml) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(xml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot parse " + xml + ": " + e.getMessage(), e);
        }
        JniModel m = new JniModel();
        for (Element e : children(doc.getDocumentElement(), "symbols")) {
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element el)) {
                    continue;
                }
                switch (el.getTagName()) {
                    case "function" -> m.functions.add(function(el));
                    case "functype" -> m.functypes.add(function(el));
                    case "typedef" -> m.typedefs.add(new Typedef(el.getAttribute("name"), el.getAttribute("type")));
                    case "struct" -> m.structs.add(new Struct(el.getAttribute("name"),
                            el.getAttribute("type").replaceFirst("^struct ", ""), fields(el)));
                    case "macro" -> {
                        if (el.hasAttribute("raw")) {
                            m.macros.add(new Macro(el.getAttribute("name"), el.getAttribute("raw")));
                        }
                    }
                    default -> {
                        // enums and variables are the enum generator's business
                    }
                }
            }
        }
        return m;
    }

    private static Function function(Element el) {
        List<Param> args = new ArrayList<>();
        String ret = "void";
        for (Element c : children(el, null)) {
            if (c.getTagName().equals("return")) {
                ret = c.getAttribute("type");
            } else if (c.getTagName().equals("arg")) {
                args.add(new Param(c.getAttribute("name"), c.getAttribute("type")));
            }
        }
        return new Function(el.getAttribute("name"), ret, List.copyOf(args), el.getAttribute("module"));
    }

    private static List<Field> fields(Element el) {
        List<Field> out = new ArrayList<>();
        for (Element c : children(el, "field")) {
            List<Field> union = List.of();
            for (Element u : children(c, "union")) {
                union = fields(u);
            }
            out.add(new Field(c.getAttribute("name"), c.getAttribute("type"), union));
        }
        return List.copyOf(out);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList list = parent.getChildNodes();
        for (int i = 0; i < list.getLength(); i++) {
            if (list.item(i) instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                out.add(e);
            }
        }
        return out;
    }
}
