package org.fr3workbench.probe.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real ephemeral public keys for TLS 1.3 key_share entries (x25519, secp256r1, secp384r1), made once per
 * scan with the JDK. The scanner never finishes a handshake, so the private keys are not kept.
 */
public final class KeyShares {

    /** Groups this class can make a share for. */
    public static final java.util.List<Integer> SUPPORTED = java.util.List.of(0x001D, 0x0017, 0x0018);

    private final Map<Integer, byte[]> cache = new ConcurrentHashMap<>();

    /** The encoded public key for the group's key_share entry. */
    public byte[] publicKey(int group) {
        return cache.computeIfAbsent(group, KeyShares::generate).clone();
    }

    private static byte[] generate(int group) {
        try {
            return switch (group) {
                case 0x001D -> {
                    byte[] encoded = KeyPairGenerator.getInstance("X25519").generateKeyPair().getPublic().getEncoded();
                    yield Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
                }
                case 0x0017 -> ecPoint("secp256r1", 32);
                case 0x0018 -> ecPoint("secp384r1", 48);
                default -> throw new IllegalArgumentException("no key share for group " + TlsNames.group(group));
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK cannot make a key for " + TlsNames.group(group), e);
        }
    }

    private static byte[] ecPoint(String curve, int size) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(curve));
        ECPoint point = ((ECPublicKey) generator.generateKeyPair().getPublic()).getW();
        byte[] out = new byte[1 + 2 * size];
        out[0] = 4;
        copyUnsigned(point.getAffineX().toByteArray(), out, 1, size);
        copyUnsigned(point.getAffineY().toByteArray(), out, 1 + size, size);
        return out;
    }

    private static void copyUnsigned(byte[] value, byte[] out, int offset, int size) {
        int start = Math.max(0, value.length - size);
        int length = value.length - start;
        System.arraycopy(value, start, out, offset + size - length, length);
    }
}
