package org.fr3workbench.device.ssh;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection settings.
 *
 * @param connectTimeout      TCP connect and handshake limit
 * @param keepAliveInterval   keep-alive request period; a dead peer is noticed after {@code keepAliveMaxMissed} of them
 * @param keepAliveMaxMissed  unanswered keep-alives before the connection counts as lost
 * @param reconnectPause      pause between reconnect attempts
 */
public record SshOptions(Duration connectTimeout, Duration keepAliveInterval, int keepAliveMaxMissed,
                         Duration reconnectPause) {

    public SshOptions {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(reconnectPause, "reconnectPause");
        if (keepAliveMaxMissed < 1) {
            throw new IllegalArgumentException("keepAliveMaxMissed must be at least 1");
        }
    }

    /** 10 s connect, keep-alive every 5 s, lost after 3 missed, 1 s between reconnect attempts. */
    public static SshOptions defaults() {
        return new SshOptions(Duration.ofSeconds(10), Duration.ofSeconds(5), 3, Duration.ofSeconds(1));
    }
}
