package org.libvirt4j;

/**
 * The security driver the hypervisor confines guests with (Go's {@code NodeSecurityModel}).
 *
 * @param model the model's name, such as {@code "selinux"}, or {@code ""} when there is none
 * @param doi the model's domain of interpretation, or {@code ""}
 * @see <a href="https://libvirt.org/html/libvirt-libvirt-host.html#virNodeGetSecurityModel">virNodeGetSecurityModel</a>
 */
public record NodeSecurityModel(String model, String doi) {
}
