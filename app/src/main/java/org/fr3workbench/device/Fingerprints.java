package org.fr3workbench.device;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/** SSH key fingerprints in OpenSSH's SHA-256 form, {@code SHA256:} + unpadded base64 of the key blob's hash. */
public final class Fingerprints {

    private static final Pattern FORM = Pattern.compile("SHA256:[A-Za-z0-9+/]{43}=?");

    private Fingerprints() {
    }

    /** The fingerprint of an SSH public key blob (RFC 4253 wire encoding), as {@code ssh-keygen -l} prints it. */
    public static String sha256(byte[] keyBlob) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Whether {@code text} looks like an OpenSSH SHA-256 fingerprint. */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text.strip()).matches();
    }

    /** Strips blanks and base64 padding; refuses text that is not a SHA-256 fingerprint. */
    public static String normalise(String text) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("not an OpenSSH SHA-256 fingerprint (SHA256: followed by 43 base64"
                    + " characters): '" + text + "'");
        }
        String stripped = text.strip();
        return stripped.endsWith("=") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
