package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.Expectation.Comparison;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.Suggestion;
import org.junit.jupiter.api.Test;

class ExpectationEvaluatorTest {

    private final ExpectationEvaluator evaluator = new ExpectationEvaluator();

    private static final String AIDE_CLEAN = "Start timestamp: 2026-11-27\n"
            + "AIDE found NO differences between database and filesystem. Looks okay!!\n";

    @Test
    void passesWhenEveryExpectationHoldsAndListsThem() {
        Suggestion suggestion = evaluator.evaluate(List.of(
                new Expectation.ExitCodeIn(Set.of(0)),
                new Expectation.Contains("Looks okay!!", false),
                new Expectation.Absent("differences between database and filesystem!!", false)), 0, AIDE_CLEAN);

        assertThat(suggestion.outcome()).isEqualTo(StepOutcome.PASS);
        assertThat(suggestion.reason()).contains("exit code in [0]", "output contains 'Looks okay!!'");
    }

    @Test
    void theFirstFailingExpectationDecidesAndIsNamed() {
        Suggestion wrongExit = evaluator.evaluate(List.of(new Expectation.ExitCodeIn(Set.of(0)),
                new Expectation.Contains("absent text", false)), 4, AIDE_CLEAN);
        assertThat(wrongExit).isEqualTo(new Suggestion(StepOutcome.FAIL, "exit code in [0]: the exit code was 4"));

        Suggestion missing = evaluator.evaluate(List.of(new Expectation.Contains("^enabled 1$", true)), 0, "enabled 0\n");
        assertThat(missing).isEqualTo(new Suggestion(StepOutcome.FAIL, "output matches /^enabled 1$/: not found"));

        Suggestion leaked = evaluator.evaluate(List.of(new Expectation.Absent("WbX[0-9a-f]{8}", true)), 0,
                "sshd: Failed password for invalid user WbX1234abcd from 127.0.0.1\n");
        assertThat(leaked.outcome()).isEqualTo(StepOutcome.FAIL);
        assertThat(leaked.reason()).isEqualTo("output does not match /WbX[0-9a-f]{8}/: found 'WbX1234abcd'");
    }

    @Test
    void comparesNumbersCapturedFromTheOutput() {
        Expectation enabled = new Expectation.NumberCompare("^enabled (\\d+)", Comparison.GE, 1);

        assertThat(evaluator.evaluate(List.of(enabled), 0, "enabled 2\nfailure 1\n").outcome()).isEqualTo(StepOutcome.PASS);
        assertThat(evaluator.evaluate(List.of(enabled), 0, "enabled 0\n"))
                .isEqualTo(new Suggestion(StepOutcome.FAIL, "number from /^enabled (\\d+)/ >= 1: found 0"));
        assertThat(evaluator.evaluate(List.of(enabled), 0, "nothing here\n").reason()).endsWith("no number found");
    }

    @Test
    void flagsValuesThatAreNotOnAnAllowList() {
        Expectation bsi = new Expectation.AllLinesAllowed("^(TLS_\\S+)$",
                List.of("TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256"), "BSI TR-02102-2 list");

        assertThat(evaluator.evaluate(List.of(bsi), 0, "TLS_AES_256_GCM_SHA384\nTLS_AES_128_GCM_SHA256\n").outcome())
                .isEqualTo(StepOutcome.PASS);
        assertThat(evaluator.evaluate(List.of(bsi), 0, "TLS_AES_256_GCM_SHA384\nTLS_CHACHA20_POLY1305_SHA256\n"))
                .isEqualTo(new Suggestion(StepOutcome.FAIL, "every value is on the BSI TR-02102-2 list: not on the list: "
                        + "TLS_CHACHA20_POLY1305_SHA256"));
        assertThat(evaluator.evaluate(List.of(bsi), 0, "").reason()).endsWith("no value found in the output");
    }

    @Test
    void withoutExpectationsTheAssessorDecides() {
        assertThat(evaluator.evaluate(List.of(), 0, "x").outcome()).isEqualTo(StepOutcome.INCONCLUSIVE);
    }
}
