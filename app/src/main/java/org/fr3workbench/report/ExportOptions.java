package org.fr3workbench.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.report.sign.SigningRequest;

/**
 * How to export.
 *
 * @param generatedAt    the dossier's time (cover, metadata); also the claimed signing time
 * @param generator      the producing tool, e.g. "FR3 Workbench 0.1.0"
 * @param signing        sign with this key, or leave unsigned
 * @param assessmentFile attach the assessment file itself (relationship Source), or not
 * @param headLines      transcript lines shown from the start of a long output
 * @param tailLines      transcript lines shown from its end
 * @param notice         a note printed prominently on the cover and beside the signature, e.g. that the dossier is a
 *                       sample signed with a demo key; empty for none
 */
public record ExportOptions(Instant generatedAt, String generator, Optional<SigningRequest> signing,
                            Optional<Path> assessmentFile, int headLines, int tailLines, String notice) {

    public static final int DEFAULT_HEAD_LINES = 60;
    public static final int DEFAULT_TAIL_LINES = 20;

    public ExportOptions {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(signing, "signing");
        Objects.requireNonNull(assessmentFile, "assessmentFile");
        notice = Objects.requireNonNullElse(notice, "").strip();
        if (headLines < 1 || tailLines < 0) {
            throw new IllegalArgumentException("excerpt needs at least one head line and no negative tail");
        }
    }

    /** Unsigned, default excerpts. */
    public static ExportOptions unsigned(Instant generatedAt, String generator) {
        return new ExportOptions(generatedAt, generator, Optional.empty(), Optional.empty(), DEFAULT_HEAD_LINES,
                DEFAULT_TAIL_LINES, "");
    }

    public ExportOptions withSigning(SigningRequest request) {
        return new ExportOptions(generatedAt, generator, Optional.of(request), assessmentFile, headLines, tailLines, notice);
    }

    public ExportOptions withAssessmentFile(Path file) {
        return new ExportOptions(generatedAt, generator, signing, Optional.of(file), headLines, tailLines, notice);
    }

    /** With a notice on the cover and beside the signature (a sample dossier says that its key is a demo key). */
    public ExportOptions withNotice(String text) {
        return new ExportOptions(generatedAt, generator, signing, assessmentFile, headLines, tailLines, text);
    }
}
