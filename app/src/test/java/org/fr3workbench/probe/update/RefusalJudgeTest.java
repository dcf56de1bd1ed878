package org.fr3workbench.probe.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.fr3workbench.probe.ExecResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The refusal list and the judgement, on transcripts recorded from Debian's swupdate 2022.12 (and one constructed variant). */
class RefusalJudgeTest {

    private final RefusalJudge judge = new RefusalJudge(RefusalPolicy.loadBundled());

    @ParameterizedTest
    @CsvSource({
        "2022.12/valid, ACCEPTED, successful",
        "2022.12/valid-exit-1, ACCEPTED, successful",
        "2022.12/description-altered, REJECTED, signature-verification-failed",
        "2022.12/unknown-key, REJECTED, all-signatures-failed",
        "2022.12/payload-bit-flip, REJECTED, hash-mismatch",
        "2022.12/signature-removed, REJECTED, description-order",
        "2022.12/zeroed, REJECTED, cpio-header-corrupted",
        "2022.12/truncated, REJECTED, checksum-wrong",
        "2022.12/no-public-key, NOT_JUDGED, public-key-required",
        "constructed/2026-hash-mismatch, REJECTED, error-happened",
    })
    void recordedTranscriptsAreJudged(String name, ImageJudgement.Outcome outcome, String message) throws IOException {
        ExecResult run = recorded(name);

        ImageJudgement judgement = judge.judge(run);

        assertThat(judgement.outcome()).as(judgement.reason()).isEqualTo(outcome);
        assertThat(judgement.matched()).contains(message);
    }

    @Test
    void aRefusalNeedsBothANonZeroExitAndAKnownMessage() {
        assertThat(judge.judge(ExecResult.of(1, "something else went wrong")).outcome()).isEqualTo(ImageJudgement.Outcome.UNCLEAR);
        assertThat(judge.judge(ExecResult.of(0, "[ERROR] : SWUPDATE failed [0] ERROR : HASH mismatch : a <--> b")).outcome())
                .isEqualTo(ImageJudgement.Outcome.UNCLEAR);
        assertThat(judge.judge(ExecResult.of(0, "")).outcome()).isEqualTo(ImageJudgement.Outcome.ACCEPTED);
        assertThat(judge.judge(new ExecResult(-1, "Software Update started", true)).reason()).contains("timeout");
    }

    @Test
    void theBundledListNamesEveryMessageOfTheFactSheet() {
        RefusalPolicy policy = RefusalPolicy.loadBundled();
        String all = String.join("\n", policy.refusals().stream()
                .map(m -> m.text() != null ? m.text() : m.regex()).toList());
        assertThat(all).contains("Signature verification failed", "Image invalid or corrupted", "HASH mismatch",
                "Error happened. Not installing", "CPIO Header corrupted, cannot be parsed", "Compatible SW not found",
                "SWUPDATE failed");
        assertThat(policy.schema()).isEqualTo(1);
        assertThat(policy.version()).isNotBlank();
    }

    @Test
    void aBrokenListIsRefusedNamingFileAndProblem() {
        assertThatThrownBy(() -> load("schema: 2\nrefusals: [{id: a, text: x}]\n"))
                .hasMessage("test.yaml: schema 2 is not supported (expected 1)");
        assertThatThrownBy(() -> load("schema: 1\nrefusals: [{id: a, text: x}, {id: a, text: y}]\n"))
                .hasMessageContaining("'a' is used twice");
        assertThatThrownBy(() -> load("schema: 1\nrefusals: [{id: a, text: x, regex: y}]\n"))
                .hasMessageContaining("exactly one of text or regex");
        assertThatThrownBy(() -> load("schema: 1\nrefusals: [{id: a, regex: '('}]\n")).hasMessageContaining("bad regex");
        assertThatThrownBy(() -> load("schema: 1\nrefusals: [{id: a, txt: x}]\n"))
                .hasMessageStartingWith("test.yaml: Unrecognized field \"txt\"")
                .hasMessageContaining("line 2");
    }

    private static RefusalPolicy load(String yaml) throws IOException {
        return RefusalPolicy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }

    static ExecResult recorded(String name) throws IOException {
        try (InputStream in = RefusalJudgeTest.class.getResourceAsStream("/swupdate/" + name + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String header = text.lines().findFirst().orElseThrow();
            int exit = Integer.parseInt(header.substring(header.lastIndexOf("exit=") + 5).strip());
            return ExecResult.of(exit, text.substring(header.length() + 1));
        }
    }
}
