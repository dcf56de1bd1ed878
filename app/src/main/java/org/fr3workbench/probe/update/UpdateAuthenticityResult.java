package org.fr3workbench.probe.update;

import java.util.List;
import java.util.Objects;
import org.fr3workbench.domain.Suggestion;
import org.fr3workbench.probe.ProbeTranscript;
import org.fr3workbench.probe.ProbeVerdict;

/**
 * Everything the update-authenticity probe found, ready to be stored as evidence.
 *
 * @param verdict        suggested verdict for EDR/NDR 3.10 RE(1)
 * @param reason         one paragraph for the assessor
 * @param mode           check (default) or full install
 * @param config         the device's swupdate set-up
 * @param runs           one run per image, the positive control first
 * @param stateUnchanged whether the device state read before and after is identical
 * @param stateBefore    that state before
 * @param stateAfter     that state after
 * @param transcripts    every command the probe ran, in order
 */
public record UpdateAuthenticityResult(ProbeVerdict verdict, String reason, UpdateAuthenticityProbe.Mode mode,
                                       SwupdateConfig config, List<ImageRun> runs, boolean stateUnchanged,
                                       String stateBefore, String stateAfter, List<ProbeTranscript> transcripts) {

    public UpdateAuthenticityResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        runs = List.copyOf(runs);
        transcripts = List.copyOf(transcripts);
    }

    /** The step outcome to show, with the reason. */
    public Suggestion suggestion() {
        return verdict.suggestion(reason);
    }

    /**
     * One image sent to the device.
     *
     * @param image     the image, with its SHA-256
     * @param command   the swupdate command line
     * @param judgement how the device answered
     */
    public record ImageRun(TestImage image, String command, ImageJudgement judgement) {
    }
}
