package org.fr3workbench.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.IdentityCapture;
import org.fr3workbench.domain.DeviceIdentity;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.TargetIdentity;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;

/**
 * Records a device's identity on connect, the same way for {@code fr3 connect} and the GUI's connect dialog: one
 * transcript per identity command, a summary (host key, hostname, kernel, machine id, and the serial number and
 * firmware version the assessor entered) and the target address.
 */
public final class IdentityEvidence {

    private IdentityEvidence() {
    }

    /**
     * Stores the capture in {@code store} and records {@code address} as the assessment's target.
     *
     * @param address the canonical address ({@code ssh://USER@HOST:PORT} or {@code serial:PORT?…})
     * @return the identity
     */
    public static DeviceIdentity record(AssessmentStore store, DeviceChannel channel, IdentityCapture capture, String address,
                                        String actor) throws IOException {
        for (CommandResult result : capture.results()) {
            store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, "", "identity " + result.transcript().command(),
                    "text/plain; charset=utf-8", "device identity", channel.description(), result.transcript().startedAt()),
                    result.output().stdout().open(), actor, ProgressMonitor.NONE);
        }
        DeviceIdentity identity = capture.identity();
        store.setTarget(new TargetIdentity(address, identity.hostKeyFingerprint(), identity.osRelease(),
                identity.serialNumber()), actor);
        store.evidence().add(NewEvidence.of(EvidenceKind.STRUCTURED_RESULT, "", "identity.txt", "text/plain; charset=utf-8",
                "identity summary", channel.description(), Instant.now()),
                new ByteArrayInputStream(summary(identity).getBytes(StandardCharsets.UTF_8)), actor, ProgressMonitor.NONE);
        return identity;
    }

    /** The identity as a few aligned lines. */
    public static String summary(DeviceIdentity identity) {
        return "host key:  " + (identity.hostKeyFingerprint().isEmpty() ? "(none: serial console)" : identity.hostKeyFingerprint())
                + "\nhostname:  " + identity.hostname()
                + "\nkernel:    " + identity.kernel() + "\nmachine:   " + identity.machineId()
                + "\nserial:    " + identity.serialNumber() + "\nfirmware:  " + identity.firmwareVersion() + "\n";
    }
}
