package org.fr3workbench.probe.tls;

/**
 * Facts from a TLS 1.2-or-older ServerKeyExchange.
 *
 * @param namedGroup the ECDHE named group, or -1
 * @param dhBits size of the DHE prime in bits, or 0
 * @param signatureScheme the signature scheme (TLS 1.2 only), or -1
 */
public record ServerKeyExchange(int namedGroup, int dhBits, int signatureScheme) {
}
