package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Recorded evidence: its description and the SHA-256 taken while it was captured. The content
 * itself is read as a stream from the assessment file, never held here.
 *
 * @param id            the evidence number within the file
 * @param kind          what it is
 * @param requirementId the requirement it supports, or empty for the assessment as a whole
 * @param stepRunId     the step run that produced it, if any
 * @param name          a short name, usually the file name
 * @param mediaType     the content's media type
 * @param caption       the assessor's description, or empty
 * @param source        where it came from
 * @param capturedAt    when it was captured
 * @param recordedAt    when it was stored in the file (the time of its journal entry)
 * @param size          content length in bytes
 * @param sha256        lower-case hex SHA-256 of the content, computed at capture
 */
public record Evidence(long id, EvidenceKind kind, String requirementId, Optional<Long> stepRunId, String name,
                       String mediaType, String caption, String source, Instant capturedAt, Instant recordedAt,
                       long size, String sha256) {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(stepRunId, "stepRunId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(caption, "caption");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** How messages name it: {@code evidence 41 (screenshot 'login.png')}. */
    public String describe() {
        return "evidence " + id + " (" + kind.label() + " '" + name + "')";
    }
}
