package org.fr3workbench.engine.probes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.userauth.UserAuthException;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.engine.ProbeCall;
import org.fr3workbench.engine.ProbeEvidence;
import org.fr3workbench.engine.ProbeOutcome;
import org.fr3workbench.engine.ProcedureSession;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.StepProbe;

/**
 * {@code failed-login}: one SSH password login as {@code user} with the {@code password} argument (a marker: a
 * deliberately wrong password, recorded on purpose) against the connected device, which must refuse it. The host
 * key must be the one the device connection verified. The client-side transcript is the evidence.
 */
public final class FailedLoginProbe implements StepProbe {

    private final Clock clock;

    public FailedLoginProbe(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "failed-login";
    }

    @Override
    public ProbeOutcome run(ProbeCall call, StepListener listener, Cancellation cancellation) {
        String host = call.argument("host", call.context().parameters().getOrDefault(ProcedureSession.DEVICE_HOST, ""));
        String port = call.argument("port", call.context().parameters().getOrDefault(ProcedureSession.DEVICE_PORT, "22"));
        String user = call.argument("user", "");
        String password = call.argument("password", "");
        Optional<String> fingerprint = call.context().device().flatMap(d -> d.hostKeyFingerprint());
        if (host.isBlank() || user.isBlank() || password.isBlank() || fingerprint.isEmpty()) {
            return new ProbeOutcome(StepOutcome.ERROR, "the failed-login probe needs an SSH device connection, a user and "
                    + "a marker password", List.of());
        }
        StringBuilder transcript = new StringBuilder();
        line(transcript, "connecting to " + host + ":" + port + " (host key must be " + fingerprint.get() + ")");
        StepOutcome outcome;
        String reason;
        try (SSHClient client = new SSHClient()) {
            client.addHostKeyVerifier(fingerprint.get());
            client.setConnectTimeout(15_000);
            client.setTimeout(30_000);
            try (Cancellation.Registration ignored = cancellation.onCancel(() -> disconnect(client))) {
                client.connect(host, Integer.parseInt(port));
                line(transcript, "connected: " + client.getTransport().getServerVersion());
                line(transcript, "password login as " + user + " with the marker password " + password);
                listener.output(transcript.toString());
                try {
                    client.authPassword(user, password);
                    outcome = StepOutcome.FAIL;
                    reason = "the device accepted the marker password for " + user;
                } catch (UserAuthException e) {
                    outcome = StepOutcome.PASS;
                    reason = "the device refused the marker password for " + user;
                    line(transcript, "refused: " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            outcome = StepOutcome.ERROR;
            reason = cancellation.isCancelled() ? "cancelled" : "the login attempt could not be made: " + e.getMessage();
        }
        line(transcript, "result: " + outcome.code() + " (" + reason + ")");
        return new ProbeOutcome(outcome, reason, List.of(new ProbeEvidence("failed-login.txt", "text/plain; charset=utf-8",
                transcript.toString().getBytes(StandardCharsets.UTF_8), "SSH login with the marker password as " + user,
                EvidenceKind.TRANSCRIPT)));
    }

    private void line(StringBuilder transcript, String text) {
        transcript.append(clock.instant()).append("  ").append(text).append('\n');
    }

    private static void disconnect(SSHClient client) {
        try {
            client.disconnect();
        } catch (IOException e) {
            // Already gone: the attempt ends with an error either way.
        }
    }
}
