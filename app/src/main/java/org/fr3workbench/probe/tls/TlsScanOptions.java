package org.fr3workbench.probe.tls;

import java.util.Objects;
import org.fr3workbench.domain.TlsPolicy;

/**
 * How to scan.
 *
 * @param parallel the most connections open at once (polite default 2 for fragile embedded devices)
 * @param connectTimeoutMillis the longest wait for a TCP connection
 * @param readTimeoutMillis the longest wait for the server's answer to one ClientHello
 * @param policy the policy that judges the result
 */
public record TlsScanOptions(int parallel, int connectTimeoutMillis, int readTimeoutMillis, TlsPolicy policy) {

    /** The polite default for parallel connections. */
    public static final int DEFAULT_PARALLEL = 2;
    /** Default timeouts in milliseconds. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 5000;

    public TlsScanOptions {
        if (parallel < 1 || parallel > 64) {
            throw new IllegalArgumentException("parallel connections must be between 1 and 64, not " + parallel);
        }
        if (connectTimeoutMillis < 1 || readTimeoutMillis < 1) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        Objects.requireNonNull(policy, "policy");
    }

    /** Defaults with the given policy. */
    public static TlsScanOptions defaults(TlsPolicy policy) {
        return new TlsScanOptions(DEFAULT_PARALLEL, DEFAULT_TIMEOUT_MILLIS, DEFAULT_TIMEOUT_MILLIS, policy);
    }
}
