package org.fr3workbench.device;

import java.util.Optional;

/**
 * The device's SSH host key was not trusted: either nobody pinned it yet and the trust decision said no,
 * or it differs from the pinned key (a hard refusal: a changed key may mean another device or an attacker).
 */
public class HostKeyRejectedException extends DeviceException {

    /** Why the key was refused. */
    public enum Reason {
        /** No key was pinned for the endpoint and the caller did not accept the presented one. */
        UNKNOWN,
        /** A different key was pinned for the endpoint. */
        CHANGED
    }

    private final Reason reason;
    private final String endpoint;
    private final String presented;
    private final String pinned;

    public HostKeyRejectedException(Reason reason, String endpoint, String presented, String pinned) {
        super(message(reason, endpoint, presented, pinned));
        this.reason = reason;
        this.endpoint = endpoint;
        this.presented = presented;
        this.pinned = pinned;
    }

    private static String message(Reason reason, String endpoint, String presented, String pinned) {
        if (reason == Reason.CHANGED) {
            return "host key of " + endpoint + " has CHANGED: pinned " + pinned + ", device presented " + presented
                    + ". Refusing to connect: this may be another device or a man in the middle."
                    + " If the device was legitimately re-keyed, remove the old pin on purpose first.";
        }
        return "host key of " + endpoint + " is not trusted yet: " + presented
                + ". Compare it with the device (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console)"
                + " and pin it (CLI: --host-key " + presented + ").";
    }

    public Reason reason() {
        return reason;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The fingerprint the device presented. */
    public String presentedFingerprint() {
        return presented;
    }

    /** The pinned fingerprint, for {@link Reason#CHANGED}. */
    public Optional<String> pinnedFingerprint() {
        return Optional.ofNullable(pinned);
    }
}
