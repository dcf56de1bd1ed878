package org.fr3workbench.engine.probes;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.TlsPolicy;
import org.fr3workbench.engine.ProbeCall;
import org.fr3workbench.engine.ProbeEvidence;
import org.fr3workbench.engine.ProbeOutcome;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.StepProbe;
import org.fr3workbench.probe.tls.TlsProbeOutcome;
import org.fr3workbench.probe.tls.TlsProbeRequest;
import org.fr3workbench.probe.tls.TlsScanException;
import org.fr3workbench.probe.tls.TlsScanProbe;
import org.fr3workbench.probe.tls.TlsTarget;

/**
 * {@code tls-scan}: {@link TlsScanProbe} as a procedure step. Arguments: {@code target} ({@code HOST:PORT}),
 * {@code via} ({@code device}: through the step's SSH connection, so {@code 127.0.0.1} is the device's loopback;
 * {@code direct}: from the assessor's machine), {@code policy} (a bundled TLS policy, default
 * {@code bsi-tr-02102-2}). Pass when every finding of the policy passed, fail otherwise; the JSON result and the
 * table are the evidence.
 */
public final class TlsScanStepProbe implements StepProbe {

    /** The policy when the step names none. */
    public static final String DEFAULT_POLICY = "bsi-tr-02102-2";

    private final TlsScanProbe scanner;
    private final Function<String, TlsPolicy> policies;

    /**
     * @param scanner  the TLS scan probe
     * @param policies loads a bundled policy by name (throws IllegalArgumentException for an unknown one)
     */
    public TlsScanStepProbe(TlsScanProbe scanner, Function<String, TlsPolicy> policies) {
        this.scanner = scanner;
        this.policies = policies;
    }

    @Override
    public String name() {
        return "tls-scan";
    }

    @Override
    public ProbeOutcome run(ProbeCall call, StepListener listener, Cancellation cancellation) throws InterruptedException {
        String via = call.argument("via", "device").strip();
        TlsTarget target;
        TlsPolicy policy;
        try {
            target = TlsTarget.parse(call.argument("target", "").strip());
            policy = policies.apply(call.argument("policy", DEFAULT_POLICY).strip());
        } catch (IllegalArgumentException e) {
            return new ProbeOutcome(StepOutcome.ERROR, "tls-scan: " + e.getMessage(), List.of());
        }
        TlsProbeRequest request = TlsProbeRequest.direct(target, policy);
        if (via.equals("device")) {
            Optional<DeviceChannel> device = call.context().device();
            if (device.isEmpty()) {
                return new ProbeOutcome(StepOutcome.ERROR, "tls-scan via device needs the SSH connection to the device",
                        List.of());
            }
            request = request.through(device.get());
        } else if (!via.equals("direct")) {
            return new ProbeOutcome(StepOutcome.ERROR, "tls-scan: via must be device or direct, found '" + via + "'", List.of());
        }
        listener.message("TLS scan of " + target + (via.equals("device") ? " through the device" : " from this machine"));
        TlsProbeOutcome outcome;
        try {
            outcome = scanner.run(request, (step, connections) -> listener.message("TLS scan: " + step + " (" + connections
                    + " connections)"), cancellation::isCancelled);
        } catch (TlsScanException e) {
            return new ProbeOutcome(StepOutcome.ERROR, "TLS scan of " + target + " failed: " + e.getMessage(), List.of());
        } catch (CancellationException e) {
            return new ProbeOutcome(StepOutcome.ERROR, "cancelled", List.of());
        }
        List<ProbeEvidence> evidence = outcome.evidence(call.context().requirementId()).stream()
                .map(item -> new ProbeEvidence(item.evidence().name(), item.evidence().mediaType(), item.content(),
                        item.evidence().caption(), item.evidence().kind())).toList();
        return new ProbeOutcome(outcome.passed() ? StepOutcome.PASS : StepOutcome.FAIL, outcome.reason(), evidence);
    }
}
