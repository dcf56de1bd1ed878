package org.fr3workbench.domain;

import java.util.Locale;
import java.util.Optional;

/** What a piece of evidence is. */
public enum EvidenceKind {
    /** Commands and their output from the device or the laptop. */
    TRANSCRIPT("transcript"),
    /** A picture of a window or the screen. */
    SCREENSHOT("screenshot"),
    /** A photograph (device label, seals, wiring). */
    PHOTO("photo"),
    /** Any imported file. */
    FILE("file"),
    /** A recording of the serial console. */
    CONSOLE_LOG("console log"),
    /** Machine-readable output of a probe (JSON). */
    STRUCTURED_RESULT("structured result"),
    /** Text written by the assessor. */
    NOTE("note");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    /** Lower-case words for messages: {@code screenshot}, {@code console log}. */
    public String label() {
        return label;
    }

    /** The stable name used in files, JSON and on the command line: {@code console-log}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<EvidenceKind> fromCode(String code) {
        for (EvidenceKind kind : values()) {
            if (kind.code().equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
