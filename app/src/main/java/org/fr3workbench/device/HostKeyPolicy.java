package org.fr3workbench.device;

import java.time.Clock;
import java.util.Optional;
import org.fr3workbench.device.HostKeyTrustDecision.PresentedHostKey;
import org.fr3workbench.domain.HostKeyPin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host-key rule: a pinned key must match exactly (type and fingerprint), otherwise a hard refusal naming
 * both fingerprints; an unknown key is pinned only when the trust decision says yes. Never a silent accept.
 */
public final class HostKeyPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(HostKeyPolicy.class);

    private final HostKeyPinStore pins;
    private final HostKeyTrustDecision decision;
    private final Clock clock;
    private final String actor;

    /** A policy whose new pins are recorded as accepted by "the assessor". */
    public HostKeyPolicy(HostKeyPinStore pins, HostKeyTrustDecision decision, Clock clock) {
        this(pins, decision, clock, "the assessor");
    }

    /** A policy whose new pins are recorded as accepted by {@code actor} (the assessor's name). */
    public HostKeyPolicy(HostKeyPinStore pins, HostKeyTrustDecision decision, Clock clock, String actor) {
        this.pins = pins;
        this.decision = decision;
        this.clock = clock;
        this.actor = actor;
    }

    /** The key type pinned for the endpoint, so that the SSH client asks for that type first. */
    public Optional<String> pinnedKeyType(String host, int port) {
        return pins.find(host, port).map(HostKeyPin::keyType);
    }

    /** Accepts {@code key} or throws why not. */
    public void check(PresentedHostKey key) throws HostKeyRejectedException {
        Optional<HostKeyPin> pinned = pins.find(key.host(), key.port());
        if (pinned.isPresent()) {
            HostKeyPin pin = pinned.get();
            if (pin.fingerprint().equals(key.fingerprint()) && pin.keyType().equals(key.keyType())) {
                return;
            }
            LOG.warn("host key of {} changed: pinned {} {}, presented {} {}", key.endpoint(), pin.keyType(),
                    pin.fingerprint(), key.keyType(), key.fingerprint());
            throw new HostKeyRejectedException(HostKeyRejectedException.Reason.CHANGED, key.endpoint(),
                    key.keyType() + " " + key.fingerprint(), pin.keyType() + " " + pin.fingerprint());
        }
        if (!decision.trust(key)) {
            LOG.warn("unknown host key of {} refused: {} {}", key.endpoint(), key.keyType(), key.fingerprint());
            throw new HostKeyRejectedException(HostKeyRejectedException.Reason.UNKNOWN, key.endpoint(),
                    key.fingerprint(), null);
        }
        pins.pin(new HostKeyPin(key.host(), key.port(), key.keyType(), key.fingerprint(), actor, clock.instant()));
        LOG.info("pinned host key of {}: {} {}", key.endpoint(), key.keyType(), key.fingerprint());
    }
}
