package org.fr3workbench.domain;

/** How a command on a device channel ended. */
public enum CommandOutcome {
    /** The command ran to its end and reported an exit code. */
    EXITED,
    /** The command ran longer than its timeout and was killed. */
    TIMED_OUT,
    /** The assessor (or the caller) cancelled it while it ran. */
    CANCELLED,
    /** The connection to the device broke while it ran (reboot, cable, network). */
    CONNECTION_LOST
}
