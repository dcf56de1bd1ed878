package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The description of evidence about to be recorded; its content comes as a stream.
 *
 * @param kind          what it is
 * @param requirementId the requirement it supports, or empty for the assessment as a whole
 * @param stepRunId     the step run that produced it, if any
 * @param name          a short name, usually the file name, e.g. {@code login.png}
 * @param mediaType     e.g. {@code image/png}, {@code text/plain; charset=utf-8}
 * @param caption       the assessor's description, or empty
 * @param source        where it came from, e.g. {@code ssh root@192.0.2.7: uname -a} or an imported path
 * @param capturedAt    when it was captured (a photo may be older than its import)
 */
public record NewEvidence(EvidenceKind kind, String requirementId, Optional<Long> stepRunId, String name,
                          String mediaType, String caption, String source, Instant capturedAt) {
    public NewEvidence {
        Objects.requireNonNull(kind, "kind");
        requirementId = Objects.requireNonNullElse(requirementId, "").strip();
        Objects.requireNonNull(stepRunId, "stepRunId");
        name = AssessmentInfo.requireText(name, "name");
        mediaType = AssessmentInfo.requireText(mediaType, "mediaType");
        caption = Objects.requireNonNullElse(caption, "");
        source = Objects.requireNonNullElse(source, "");
        Objects.requireNonNull(capturedAt, "capturedAt");
    }

    /** Evidence for a requirement, not tied to a step run. */
    public static NewEvidence of(EvidenceKind kind, String requirementId, String name, String mediaType,
                                 String caption, String source, Instant capturedAt) {
        return new NewEvidence(kind, requirementId, Optional.empty(), name, mediaType, caption, source, capturedAt);
    }
}
