package org.libvirt4j.codegen.xdr;

/** A syntax or semantic error in an XDR file, with its location. */
final class XdrParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    XdrParseException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }

    XdrParseException(String message) {
        super(message);
    }
}
