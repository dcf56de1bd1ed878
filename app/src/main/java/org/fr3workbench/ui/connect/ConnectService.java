package org.fr3workbench.ui.connect;

import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CancelledException;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPinStore;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.IdentityCapture;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.connect.DeviceTarget;
import org.fr3workbench.domain.DeviceIdentity;
import org.fr3workbench.domain.HostKeyPin;
import org.fr3workbench.engine.IdentityEvidence;
import org.fr3workbench.ui.assessment.AssessmentSession;

/**
 * Connects to a device for the GUI: opens the channel (host keys pinned in the open assessment file), reads the
 * identity and records it as evidence with the target address, exactly as {@code fr3 connect} does. Every method
 * blocks: call it on a worker. Store work goes through the assessment's own serial worker.
 */
public final class ConnectService {

    private final Supplier<DeviceConnections> connections;
    private final AssessmentSession assessment;

    public ConnectService(Supplier<DeviceConnections> connections, AssessmentSession assessment) {
        this.connections = connections;
        this.assessment = assessment;
    }

    /** Whether an assessment file is open (the pins and the evidence go there). FX thread. */
    public boolean hasAssessment() {
        return assessment.isOpen() && assessment.infoProperty().get() != null;
    }

    /** The assessor of the open file, recorded with pins and evidence. FX thread. */
    public String actor() {
        return assessment.infoProperty().get().assessor();
    }

    /** A connected channel and who the device said it is. */
    public record Connected(DeviceChannel channel, DeviceIdentity identity) {
    }

    /**
     * Connects, identifies and records.
     *
     * @param actor    the assessor, recorded with new pins and evidence
     * @param decision asked (it may block while the assessor decides) about a host key seen for the first time
     * @param progress short messages about the current stage
     * @throws CancelledException when {@code cancellation} fired; a channel opened meanwhile is closed
     */
    public Connected connect(DeviceTarget target, String serialNumber, String firmware, String actor,
                             HostKeyTrustDecision decision, Cancellation cancellation, Consumer<Stage> progress)
            throws DeviceException {
        progress.accept(Stage.CONNECTING);
        DeviceChannel channel = target.open(connections.get(), pins(actor), decision, cancellation);
        try {
            cancellation.throwIfCancelled();
            progress.accept(Stage.IDENTIFYING);
            try (IdentityCapture capture = channel.identify(serialNumber, firmware)) {
                cancellation.throwIfCancelled();
                progress.accept(Stage.RECORDING);
                DeviceIdentity identity = onStore(store -> IdentityEvidence.record(store, channel, capture, target.address(), actor));
                return new Connected(channel, identity);
            }
        } catch (DeviceException | RuntimeException e) {
            channel.close();
            throw e;
        } catch (java.io.IOException e) {
            channel.close();
            throw new DeviceException("cannot record the identity: " + e.getMessage(), e);
        }
    }

    /** What {@link #connect} is doing. */
    public enum Stage { CONNECTING, IDENTIFYING, RECORDING }

    /** The open assessment file's pins, read and written on its store worker. */
    private HostKeyPinStore pins(String actor) {
        return new HostKeyPinStore() {
            @Override
            public Optional<HostKeyPin> find(String host, int port) {
                return onStore(store -> store.hostKeyPins().find(host, port));
            }

            @Override
            public void pin(HostKeyPin pin) {
                onStore(store -> {
                    store.hostKeyPins().pin(pin.host(), pin.port(), pin.keyType(), pin.fingerprint(), actor);
                    return null;
                });
            }
        };
    }

    private <T> T onStore(AssessmentSession.StoreWork<T> work) {
        try {
            return assessment.submit(work, result -> { }, error -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the assessment file", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
