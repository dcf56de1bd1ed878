package org.fr3workbench.probe.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.probe.ExecResult;
import org.fr3workbench.probe.ProbeVerdict;
import org.junit.jupiter.api.Test;

/**
 * The verdict rules on recorded swupdate answers, including the case Debian's package cannot be
 * run as: a build without signature support, which accepts the unsigned and re-signed images.
 */
class UpdateVerdictRulesTest {

    private final RefusalJudge judge = new RefusalJudge(RefusalPolicy.loadBundled());
    private final SwupdateConfig signing = new SwupdateConfig(true, Optional.of("/etc/swupdate-sign.crt"),
            "/etc/swupdate.cfg: public-key-file", Optional.of("board"), Optional.of("1.0"));

    @Test
    void allRefusedAndControlAcceptedIsMet() throws Exception {
        UpdateVerdictRules.Decision decision = UpdateVerdictRules.decide(signing, runs("valid"), true);
        assertThat(decision.verdict()).as(decision.reason()).isEqualTo(ProbeVerdict.MET);
    }

    @Test
    void aBuildWithoutSigningThatAcceptsTheUnsignedImageIsNotMet() throws Exception {
        List<UpdateAuthenticityResult.ImageRun> runs = runs("valid");
        replace(runs, TestImageKind.SIGNATURE_REMOVED, "2022.12/valid");
        replace(runs, TestImageKind.UNKNOWN_KEY, "2022.12/valid");

        UpdateVerdictRules.Decision decision = UpdateVerdictRules.decide(signing, runs, true);

        assertThat(decision.verdict()).isEqualTo(ProbeVerdict.NOT_MET);
        assertThat(decision.reason()).isEqualTo("the device accepted images it must refuse: signature-removed, unknown-key");
    }

    @Test
    void aChangedDeviceStateOrAnUnclearAnswerIsInconclusive() throws Exception {
        assertThat(UpdateVerdictRules.decide(signing, runs("valid"), false).reason()).contains("device state");
        List<UpdateAuthenticityResult.ImageRun> runs = runs("valid");
        runs.set(3, new UpdateAuthenticityResult.ImageRun(runs.get(3).image(), "swupdate", judge.judge(ExecResult.of(2, "weird"))));
        UpdateVerdictRules.Decision decision = UpdateVerdictRules.decide(signing, runs, true);
        assertThat(decision.verdict()).isEqualTo(ProbeVerdict.INCONCLUSIVE);
        assertThat(decision.reason()).startsWith("not every refusal is clear");
    }

    /** One run per kind, answered with the recorded 2022.12 transcript of that kind ({@code valid} for the control). */
    private List<UpdateAuthenticityResult.ImageRun> runs(String control) throws Exception {
        List<UpdateAuthenticityResult.ImageRun> runs = new ArrayList<>();
        for (TestImageKind kind : TestImageKind.values()) {
            String name = kind == TestImageKind.VALID ? control : kind.id();
            TestImage image = new TestImage(kind, Path.of(kind.fileName()), 1, "00", kind.title());
            runs.add(new UpdateAuthenticityResult.ImageRun(image, "swupdate", judge.judge(RefusalJudgeTest.recorded("2022.12/" + name))));
        }
        return runs;
    }

    private void replace(List<UpdateAuthenticityResult.ImageRun> runs, TestImageKind kind, String transcript) throws Exception {
        for (int i = 0; i < runs.size(); i++) {
            if (runs.get(i).image().kind() == kind) {
                runs.set(i, new UpdateAuthenticityResult.ImageRun(runs.get(i).image(), "swupdate",
                        judge.judge(RefusalJudgeTest.recorded(transcript))));
            }
        }
    }
}
