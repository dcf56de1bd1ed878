package org.fr3workbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepOutcome;

/** Finds a step's probe, renders its arguments and runs it; an unknown probe or a failure becomes an outcome. */
final class ProbeStep {

    private final ProbeRegistry probes;
    private final StepListener listener;
    private final Cancellation cancellation;

    ProbeStep(ProbeRegistry probes, StepListener listener, Cancellation cancellation) {
        this.probes = probes;
        this.listener = listener;
        this.cancellation = cancellation;
    }

    Optional<ProbeOutcome> run(StepContext context, Step.Probe step, Map<String, String> values) {
        Optional<StepProbe> probe = probes.find(step.probe());
        if (probe.isEmpty()) {
            return Optional.of(new ProbeOutcome(StepOutcome.INCONCLUSIVE, "probe " + step.probe()
                    + " is not available in this version", List.of()));
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        try {
            step.arguments().forEach((name, template) -> arguments.put(name, new CommandTemplate(template).renderRaw(values)));
        } catch (IllegalArgumentException e) {
            return Optional.of(new ProbeOutcome(StepOutcome.ERROR, e.getMessage(), List.of()));
        }
        listener.message("running probe " + step.probe());
        try {
            return Optional.of(probe.get().run(new ProbeCall(context.with(values), step, arguments), listener, cancellation));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new ProbeOutcome(StepOutcome.ERROR, "interrupted", List.of()));
        } catch (RuntimeException e) {
            return Optional.of(new ProbeOutcome(StepOutcome.ERROR, "probe " + step.probe() + " failed: " + e.getMessage(),
                    List.of()));
        }
    }
}
