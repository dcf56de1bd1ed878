package org.fr3workbench.domain;

/** The outcome a step suggests; the requirement's verdict stays the assessor's decision. */
public enum Outcome {
    /** Every expectation held. */
    PASS,
    /** An expectation did not hold. */
    FAIL,
    /** The step could not decide, e.g. a tool it needs is not installed on the device. */
    INCONCLUSIVE,
    /** The step could not run: connection lost, timeout, cancelled. */
    ERROR
}
