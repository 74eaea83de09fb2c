package org.libvirt4j.spi;

/**
 * The one operation a backend implements for the hand-written functions of {@link ManualFn}:
 * the {@code *ManualContract} interfaces have checked the arguments and call this.
 */
public interface ManualInvocable {
    /**
     * Calls a hand-written function on this object.
     *
     * @param fn the function; its documentation lists the arguments and the result
     * @param args the arguments after the object, already checked
     * @return the result as {@link ManualFn} documents it
     * @throws org.libvirt4j.LibvirtException libvirt's error, or the invalid-object error on a closed handle
     */
    Object invokeManual(ManualFn fn, Object... args);
}
