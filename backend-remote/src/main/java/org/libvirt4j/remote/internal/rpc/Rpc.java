package org.libvirt4j.remote.internal.rpc;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorLevel;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/** Numbers of libvirt's RPC framing ({@code virnetprotocol.x}, {@code virkeepaliveprotocol.x}). */
public final class Rpc {
    /** {@code REMOTE_PROGRAM}. */
    public static final int REMOTE_PROGRAM = 0x20008086;
    /** {@code REMOTE_PROTOCOL_VERSION}. */
    public static final int REMOTE_PROTOCOL_VERSION = 1;
    /** {@code QEMU_PROGRAM} ({@code qemu_protocol.x}), served on the same connection. */
    public static final int QEMU_PROGRAM = org.libvirt4j.remote.generated.QemuProtocol.QEMU_PROGRAM;
    /** {@code LXC_PROGRAM} ({@code lxc_protocol.x}), served on the same connection. */
    public static final int LXC_PROGRAM = org.libvirt4j.remote.generated.LxcProtocol.LXC_PROGRAM;
    /** {@code KEEPALIVE_PROGRAM}. */
    public static final int KEEPALIVE_PROGRAM = 0x6b656570;
    /** {@code KEEPALIVE_PROTOCOL_VERSION}. */
    public static final int KEEPALIVE_PROTOCOL_VERSION = 1;
    /** {@code KEEPALIVE_PROC_PING}. */
    public static final int KEEPALIVE_PROC_PING = 1;
    /** {@code KEEPALIVE_PROC_PONG}. */
    public static final int KEEPALIVE_PROC_PONG = 2;

    /** {@code VIR_NET_CALL}. */
    public static final int TYPE_CALL = 0;
    /** {@code VIR_NET_REPLY}. */
    public static final int TYPE_REPLY = 1;
    /** {@code VIR_NET_MESSAGE}. */
    public static final int TYPE_MESSAGE = 2;
    /** {@code VIR_NET_STREAM}. */
    public static final int TYPE_STREAM = 3;
    /** {@code VIR_NET_CALL_WITH_FDS}. */
    public static final int TYPE_CALL_WITH_FDS = 4;
    /** {@code VIR_NET_REPLY_WITH_FDS}. */
    public static final int TYPE_REPLY_WITH_FDS = 5;
    /** {@code VIR_NET_STREAM_HOLE}. */
    public static final int TYPE_STREAM_HOLE = 6;

    /** {@code VIR_NET_OK}. */
    public static final int STATUS_OK = 0;
    /** {@code VIR_NET_ERROR}. */
    public static final int STATUS_ERROR = 1;
    /** {@code VIR_NET_CONTINUE}. */
    public static final int STATUS_CONTINUE = 2;

    /** {@code VIR_NET_MESSAGE_MAX}: the largest message, not counting its length word. */
    public static final int MESSAGE_MAX = 33554432;
    /** {@code VIR_NET_MESSAGE_LEN_MAX}: the length word. */
    public static final int LEN_SIZE = 4;
    /** {@code VIR_NET_MESSAGE_HEADER_MAX}: the header's six words. */
    public static final int HEADER_SIZE = 24;
    /** {@code VIR_NET_MESSAGE_STRING_MAX} / {@code REMOTE_STRING_MAX}. */
    public static final int STRING_MAX = 4194304;
    /** {@code VIR_NET_MESSAGE_LEGACY_PAYLOAD_MAX}: libvirt's stream packets carry at most this much data. */
    public static final int STREAM_CHUNK_MAX = 262120;
    /** {@code VIR_NET_MESSAGE_NUM_FDS_MAX}: the most descriptors one message carries. */
    public static final int NUM_FDS_MAX = 32;
    /** {@code VIR_UUID_BUFLEN}. */
    public static final int UUID_BUFLEN = 16;

    private Rpc() {
    }

    /**
     * An error of libvirt's RPC layer (domain {@code RPC}), worded like the C client's.
     *
     * @param code the code
     * @param message the message, with libvirt's prefix for the code
     * @param cause the Java cause, or null
     * @return the exception
     */
    public static LibvirtException error(ErrorNumber code, String message, Throwable cause) {
        return new LibvirtException(code.value(), ErrorDomain.RPC.value(), ErrorLevel.ERROR.value(), message, cause);
    }
}
