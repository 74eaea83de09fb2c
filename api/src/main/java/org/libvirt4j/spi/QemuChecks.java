package org.libvirt4j.spi;

import org.libvirt4j.ErrorDomain;
import org.libvirt4j.ErrorNumber;
import org.libvirt4j.LibvirtException;
import org.libvirt4j.NodeSecurityModel;
import org.libvirt4j.SecurityLabel;

/**
 * The checks libvirt's {@code libvirt-qemu} and {@code libvirt-lxc} client libraries make before
 * (or instead of) asking a driver, with libvirt's words, for the backends that have no C library
 * to make them; and the refusal of what a backend cannot do.
 */
public final class QemuChecks {
    private QemuChecks() {
    }

    /**
     * {@return {@code ERR_NO_SUPPORT} naming the C function, as libvirt words an unsupported call, with why}
     *
     * @param function the C function
     * @param why the reason, in parentheses after the name
     */
    public static LibvirtException noSupport(String function, String why) {
        return LibvirtException.of(ErrorNumber.ERR_NO_SUPPORT, ErrorDomain.NONE,
                "this function is not supported by the connection driver: " + function + " (" + why + ")");
    }

    /**
     * libvirt's {@code virCheckFlags(0, ...)} in {@code libvirt-lxc.c} (whose errors come from
     * {@code VIR_FROM_NONE}).
     *
     * @param flags the caller's flags
     * @param function the C function
     * @throws LibvirtException {@code ERR_INVALID_ARG} when any flag is set
     */
    public static void requireNoFlags(int flags, String function) {
        if (flags != 0) {
            throw LibvirtException.of(ErrorNumber.ERR_INVALID_ARG, ErrorDomain.NONE,
                    "unsupported flags (0x" + Integer.toHexString(flags) + ") in function "
                    + function);
        }
    }

    /**
     * {@code virDomainLxcEnterSecurityLabel} where no C library runs in the caller's process: the
     * flags check, model {@code none} (which changes nothing, and so needs no C library) and the
     * refusal of an unknown model are libvirt's; entering an SELinux or AppArmor label, which only
     * the calling process can do, is refused.
     *
     * @param model the model
     * @param label the label
     * @param flags the flags
     * @param why why the backend cannot enter a real label
     * @return the empty previous label of model {@code none}
     */
    public static SecurityLabel enterSecurityLabelRemotely(NodeSecurityModel model, SecurityLabel label, int flags,
            String why) {
        String fn = "virDomainLxcEnterSecurityLabel";
        requireNoFlags(flags, fn);
        String m = model.model() == null ? "" : model.model();
        return switch (m) {
            case "none" -> new SecurityLabel("", false);
            case "selinux", "apparmor" -> throw noSupport(fn, why);
            default -> throw LibvirtException.of(ErrorNumber.ERR_ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                    "argument unsupported: Security model " + m + " cannot be entered");
        };
    }
}
