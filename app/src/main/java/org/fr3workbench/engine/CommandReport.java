package org.fr3workbench.engine;

import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.fr3workbench.domain.CommandOutcome;

/**
 * One command of a step as it ran.
 *
 * @param label           the command's label, or its rendered text when it has none
 * @param renderedCommand exactly what was sent (parameters quoted, {@code su} wrapper included)
 * @param exitCode        when it exited
 * @param how             exited, timed out, cancelled or connection lost
 * @param checks          its expectations, in order (empty when it did not exit or has none)
 * @param evidenceId      the transcript evidence, once stored
 */
public record CommandReport(String label, String renderedCommand, OptionalInt exitCode, CommandOutcome how,
                            List<ExpectationCheck> checks, OptionalLong evidenceId) {
    public CommandReport {
        checks = List.copyOf(checks);
    }
}
