package org.fr3workbench.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.device.DeviceChannel;

/**
 * Everything a step run needs besides the step: where commands go, the parameter values, who runs it and who
 * allows intrusive steps. One context is one run of a requirement's procedure: its marker values are fixed for
 * it, and values captured by a step ({@code capture-as}) are carried to later steps with {@link #with(Map)}.
 *
 * @param requirementId the requirement whose procedure runs
 * @param device        the device connection, if connected
 * @param laptop        the assessor's own machine
 * @param parameters    library defaults overridden by the assessment's stored values and {@code --param}, plus
 *                      {@code device-host}/{@code device-port} and fresh marker values (see {@link ProcedureSession})
 * @param actor         who runs the steps (journal)
 * @param consent       asked before an intrusive step
 */
public record StepContext(String requirementId, Optional<DeviceChannel> device, DeviceChannel laptop,
                          Map<String, String> parameters, String actor, IntrusiveConsent consent) {

    public StepContext {
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(laptop, "laptop");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(consent, "consent");
    }

    /** The same context with more (or replaced) parameter values, e.g. the values a step captured. */
    public StepContext with(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(values);
        return new StepContext(requirementId, device, laptop, merged, actor, consent);
    }
}
