package org.fr3workbench.domain;

/** The kinds of procedure step (see docs/architecture.md, "Steps"). */
public enum StepKind {
    /** Something the assessor does or checks by hand; needs an attestation. */
    INSTRUCTION,
    /** A command on the device or on the assessor's machine, with expectations. */
    COMMAND,
    /** A built-in multi-command check (TLS scan, corrupted update, boot console ...). */
    PROBE,
    /** Screenshot, photo, file import or console log. */
    CAPTURE,
    /** A parameter the assessor supplies. */
    INPUT
}
