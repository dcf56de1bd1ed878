package org.fr3workbench.report.model;

/** What an evidence item is; decides how the dossier shows it. */
public enum EvidenceKind {
    /** Output of a command or probe (text). */
    TRANSCRIPT("Transcript"),
    /** A console log recorded from the serial line (text). */
    CONSOLE_LOG("Console log"),
    /** A screenshot (PNG or JPEG). */
    SCREENSHOT("Screenshot"),
    /** A photo (JPEG or PNG). */
    PHOTO("Photo"),
    /** Any other imported file. */
    FILE("File");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the dossier shows it as text. */
    public boolean isText() {
        return this == TRANSCRIPT || this == CONSOLE_LOG;
    }

    /** Whether the dossier shows it as a picture. */
    public boolean isImage() {
        return this == SCREENSHOT || this == PHOTO;
    }
}
