package org.fr3workbench.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.fr3workbench.device.HostKeyTrustDecision.PresentedHostKey;
import org.fr3workbench.domain.HostKeyPin;
import org.junit.jupiter.api.Test;

class HostKeyPolicyTest {

    private static final String KEY_A = "SHA256:" + "A".repeat(43);
    private static final String KEY_B = "SHA256:" + "B".repeat(43);
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-04T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryHostKeyPinStore pins = new InMemoryHostKeyPinStore();

    @Test
    void anUnknownKeyIsPinnedOnlyWhenTheDecisionSaysYes() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        HostKeyPolicy no = new HostKeyPolicy(pins, key -> asked.incrementAndGet() < 0, clock);
        assertThatThrownBy(() -> no.check(new PresentedHostKey("dev", 22, "ssh-ed25519", KEY_A)))
                .isInstanceOfSatisfying(HostKeyRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.UNKNOWN));
        assertThat(asked).hasValue(1);
        assertThat(pins.all()).isEmpty();
        new HostKeyPolicy(pins, HostKeyTrustDecision.expect(KEY_A + "="), clock)
                .check(new PresentedHostKey("dev", 22, "ssh-ed25519", KEY_A));
        assertThat(pins.find("dev", 22)).contains(new HostKeyPin("dev", 22, "ssh-ed25519", KEY_A, "the assessor", clock.instant()));
    }

    @Test
    void aChangedKeyIsRefusedWithoutAskingEvenIfTheDecisionWouldTrustIt() throws Exception {
        pins.pin(new HostKeyPin("dev", 22, "ssh-ed25519", KEY_A, "the assessor", clock.instant()));
        AtomicInteger asked = new AtomicInteger();
        HostKeyPolicy trusting = new HostKeyPolicy(pins, key -> asked.incrementAndGet() > 0, clock);
        assertThatThrownBy(() -> trusting.check(new PresentedHostKey("dev", 22, "ssh-ed25519", KEY_B)))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
                    assertThat(e.getMessage()).contains(KEY_A).contains(KEY_B).contains("dev:22");
                });
        assertThatThrownBy(() -> trusting.check(new PresentedHostKey("dev", 22, "ecdsa-sha2-nistp256", KEY_A)))
                .isInstanceOf(HostKeyRejectedException.class);
        assertThat(asked).hasValue(0);
        trusting.check(new PresentedHostKey("dev", 22, "ssh-ed25519", KEY_A));
        assertThat(trusting.pinnedKeyType("dev", 22)).contains("ssh-ed25519");
        assertThat(pins.all()).hasSize(1);
    }

    @Test
    void fingerprintsAreCheckedForForm() {
        assertThat(Fingerprints.isWellFormed(KEY_A)).isTrue();
        assertThat(Fingerprints.isWellFormed("MD5:aa:bb")).isFalse();
        assertThatThrownBy(() -> HostKeyTrustDecision.expect("SHA256:short"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA256:short");
    }
}
