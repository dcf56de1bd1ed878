package org.fr3workbench.domain;

/** Where a step happens. */
public enum StepLocation {
    /** On the device, over SSH or the serial console. */
    DEVICE,
    /** On the assessor's own machine. */
    LAPTOP,
    /** Recorded from the device's serial console (the device may not boot). */
    CONSOLE,
    /** By hand: an attestation, an upload, a note. */
    MANUAL
}
