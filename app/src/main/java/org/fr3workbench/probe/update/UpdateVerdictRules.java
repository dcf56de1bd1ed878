package org.fr3workbench.probe.update;

import java.util.List;
import org.fr3workbench.probe.ProbeVerdict;

/** Turns the runs into a suggested verdict; the order of the rules is the order of the checks below. */
final class UpdateVerdictRules {

    /** A verdict and its reason. */
    record Decision(ProbeVerdict verdict, String reason) {
    }

    private UpdateVerdictRules() {
    }

    static Decision decide(SwupdateConfig config, List<UpdateAuthenticityResult.ImageRun> runs, boolean stateUnchanged) {
        List<UpdateAuthenticityResult.ImageRun> negatives = runs.stream().filter(r -> r.image().kind().mustBeRejected()).toList();
        List<String> accepted = names(negatives, ImageJudgement.Outcome.ACCEPTED);
        if (!accepted.isEmpty()) {
            return new Decision(ProbeVerdict.NOT_MET, "the device accepted images it must refuse: " + String.join(", ", accepted));
        }
        if (!config.signatureCheckingConfigured()) {
            boolean noneJudged = runs.stream().allMatch(r -> r.judgement().outcome() == ImageJudgement.Outcome.NOT_JUDGED);
            return new Decision(ProbeVerdict.NOT_MET, "no public key is configured (no public-key-file in the swupdate "
                    + "configuration, no -k in the daemon arguments): update images are not signature-checked"
                    + (noneJudged ? "; swupdate did not judge any image without one" : ""));
        }
        UpdateAuthenticityResult.ImageRun control = runs.stream()
                .filter(r -> r.image().kind() == TestImageKind.VALID).findFirst().orElse(null);
        if (control == null || control.judgement().outcome() != ImageJudgement.Outcome.ACCEPTED) {
            return new Decision(ProbeVerdict.INCONCLUSIVE, "inconclusive: the device rejects even the valid image"
                    + (control == null ? "" : " (" + control.judgement().reason() + ")"));
        }
        List<String> unclear = negatives.stream().filter(r -> r.judgement().outcome() != ImageJudgement.Outcome.REJECTED)
                .map(r -> r.image().kind().id() + " (" + r.judgement().reason() + ")").toList();
        if (!unclear.isEmpty()) {
            return new Decision(ProbeVerdict.INCONCLUSIVE, "not every refusal is clear: " + String.join("; ", unclear));
        }
        if (!stateUnchanged) {
            return new Decision(ProbeVerdict.INCONCLUSIVE, "every test image was rejected, but the device state "
                    + "(boot environment or installed versions) changed during the test");
        }
        return new Decision(ProbeVerdict.MET, "all " + negatives.size() + " corrupted or unsigned images were rejected with "
                + "known refusal messages; the valid image was accepted; the device state did not change");
    }

    private static List<String> names(List<UpdateAuthenticityResult.ImageRun> runs, ImageJudgement.Outcome outcome) {
        return runs.stream().filter(r -> r.judgement().outcome() == outcome).map(r -> r.image().kind().id()).toList();
    }
}
