package org.libvirt4j.spi;

import java.util.OptionalLong;
import org.libvirt4j.CallDeadline;
import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;

/**
 * The one refusal of a call whose {@link CallDeadline} has passed before it starts, worded alike
 * on every backend: a native backend cannot abandon a libvirt call once made, so it refuses to
 * make one after the deadline; the remote backend refuses before sending.
 */
public final class CallDeadlines {
    private CallDeadlines() {
    }

    /**
     * Refuses to start a call when the current thread's deadline has passed.
     *
     * @param call names the call, e.g. {@code "virDomainGetInfo"} or {@code "procedure 16"}
     * @throws LibvirtException {@code ERR_OPERATION_TIMEOUT} naming the deadline
     */
    public static void refuseIfExpired(String call) {
        OptionalLong d = CallDeadline.currentNanos();
        if (d.isPresent() && d.getAsLong() - System.nanoTime() <= 0) {
            throw expired(call);
        }
    }

    /**
     * @param call names the call
     * @return the error of a call refused because its deadline passed before it started
     */
    public static LibvirtException expired(String call) {
        return LibvirtException.of(ErrorNumber.ERR_OPERATION_TIMEOUT, ErrorDomain.NONE,
                "Timed out during operation: the caller's CallDeadline passed before " + call + " was started");
    }
}
