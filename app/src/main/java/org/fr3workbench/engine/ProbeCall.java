package org.fr3workbench.engine;

import java.util.Map;
import java.util.Objects;
import org.fr3workbench.domain.Step;

/**
 * One call of a probe.
 *
 * @param context   the step's context (device, laptop, parameters)
 * @param step      the probe step
 * @param arguments the step's {@code with:} arguments, rendered (placeholders replaced by their values as they are,
 *                  not shell-quoted: probes pass them to libraries, not to a shell)
 */
public record ProbeCall(StepContext context, Step.Probe step, Map<String, String> arguments) {
    public ProbeCall {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(step, "step");
        arguments = Map.copyOf(arguments);
    }

    /** An argument's value, or the default when the step does not give it. */
    public String argument(String name, String defaultValue) {
        return arguments.getOrDefault(name, defaultValue);
    }
}
