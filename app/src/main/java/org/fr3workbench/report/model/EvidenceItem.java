package org.fr3workbench.report.model;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * One piece of raw evidence. Its content is never held whole: {@link #content()} streams it.
 *
 * @param id            stable identifier, e.g. {@code E-0007}
 * @param kind          transcript, console log, screenshot, photo or file
 * @param name          file name as captured, e.g. {@code sshd-ciphers.txt}
 * @param mediaType     MIME type, e.g. {@code text/plain}, {@code image/png}
 * @param caption       one line for the reader
 * @param capturedAt    capture time
 * @param sha256        hex SHA-256 of the content, taken at capture
 * @param size          content size in bytes
 * @param requirementId the requirement it belongs to, or empty for general evidence
 * @param stepId        the step that produced it, or empty
 * @param content       opens the content
 */
public record EvidenceItem(String id, EvidenceKind kind, String name, String mediaType, String caption,
                           Instant capturedAt, String sha256, long size, String requirementId, String stepId,
                           ContentSource content) {
    public EvidenceItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        caption = Objects.requireNonNullElse(caption, "");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(sha256, "sha256");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (sha256.length() != 64 || !sha256.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("evidence " + id + ": SHA-256 must be 64 hex digits, got '" + sha256 + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("evidence " + id + ": negative size " + size);
        }
        requirementId = Objects.requireNonNullElse(requirementId, "");
        stepId = Objects.requireNonNullElse(stepId, "");
        Objects.requireNonNull(content, "content");
    }
}
