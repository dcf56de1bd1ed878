package org.fr3workbench.probe.update;

import java.util.List;
import org.fr3workbench.probe.ExecResult;
import org.fr3workbench.probe.TextPattern;

/**
 * Judges one swupdate run: rejected means a non-zero exit AND a known refusal message; accepted
 * means exit 0, or a success message without any refusal message (Debian's 2022.12 build was seen
 * to exit 1, now and then, right after "SWUpdate was successful !"; such an image passed every
 * check, so it counts as accepted — for a negative image that is the finding). Everything else is
 * unclear and left to the assessor.
 */
public final class RefusalJudge {

    private final RefusalPolicy policy;

    public RefusalJudge(RefusalPolicy policy) {
        this.policy = policy;
    }

    /** The judgement for one run of swupdate. */
    public ImageJudgement judge(ExecResult run) {
        String output = run.output();
        if (run.timedOut()) {
            return new ImageJudgement(ImageJudgement.Outcome.UNCLEAR, List.of(), "swupdate did not finish before the timeout");
        }
        List<String> setup = matches(policy.setup(), output);
        List<String> refusals = matches(policy.refusals(), output);
        if (!setup.isEmpty() && refusals.isEmpty()) {
            return new ImageJudgement(ImageJudgement.Outcome.NOT_JUDGED, setup,
                    "swupdate did not judge the image (" + String.join(", ", setup) + "), exit code " + run.exitCode());
        }
        if (run.exitCode() != 0 && !refusals.isEmpty()) {
            return new ImageJudgement(ImageJudgement.Outcome.REJECTED, refusals,
                    "rejected: exit code " + run.exitCode() + ", " + String.join(", ", refusals));
        }
        List<String> accepted = matches(policy.accepted(), output);
        if (run.exitCode() != 0 && refusals.isEmpty() && !accepted.isEmpty()) {
            return new ImageJudgement(ImageJudgement.Outcome.ACCEPTED, accepted, "accepted: " + String.join(", ", accepted)
                    + " although the exit code is " + run.exitCode() + " (swupdate 2022.12 sometimes exits 1 after a successful check)");
        }
        if (run.exitCode() != 0) {
            return new ImageJudgement(ImageJudgement.Outcome.UNCLEAR, List.of(),
                    "exit code " + run.exitCode() + " but no known refusal message: the assessor reads the transcript");
        }
        if (!refusals.isEmpty()) {
            return new ImageJudgement(ImageJudgement.Outcome.UNCLEAR, refusals,
                    "exit code 0 although the output has refusal messages (" + String.join(", ", refusals) + ")");
        }
        return new ImageJudgement(ImageJudgement.Outcome.ACCEPTED, accepted,
                accepted.isEmpty() ? "accepted: exit code 0" : "accepted: exit code 0, " + String.join(", ", accepted));
    }

    private static List<String> matches(List<TextPattern> messages, String output) {
        return messages.stream().filter(m -> m.find(output).isPresent()).map(TextPattern::id).toList();
    }
}
