package org.libvirt4j.spi;

import org.libvirt4j.NodeDeviceManualMethods;

/** The backend contract of {@link NodeDeviceManualMethods}, written once; the call is {@link #invokeManual}. */
public interface NodeDeviceManualContract extends NodeDeviceManualMethods, ManualInvocable {

    @Override
    default void detach() {
        invokeManual(ManualFn.virNodeDeviceDettach);
    }

    @Override
    default void detachFlags(String driverName, int flags) {
        if (driverName != null) {
            CStrings.requireNoNul(driverName);
        }
        invokeManual(ManualFn.virNodeDeviceDetachFlags, driverName, flags);
    }

    @Override
    default void reAttach() {
        invokeManual(ManualFn.virNodeDeviceReAttach);
    }

    @Override
    default void reset() {
        invokeManual(ManualFn.virNodeDeviceReset);
    }
}
