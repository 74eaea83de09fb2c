package org.libvirt4j.remote.internal.rpc;

import io.netty.buffer.ByteBuf;
import org.libvirt4j.remote.generated.VirNetMessageHeader;

/**
 * A message from the daemon as it travels the pipeline after {@link HeaderDecoder}: the handler
 * that consumes it releases {@code body}.
 *
 * @param header the decoded header
 * @param body the bytes after the header
 */
record InboundMessage(VirNetMessageHeader header, ByteBuf body) {
}
