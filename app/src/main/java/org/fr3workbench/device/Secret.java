package org.fr3workbench.device;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A password or passphrase held in memory only. It is never printed ({@link #toString()} hides it), never
 * serialised, and {@link #close()} overwrites it. Callers get copies they must clear themselves.
 */
public final class Secret implements AutoCloseable {

    private final char[] value;
    private boolean cleared;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Copies the characters; the caller may (and should) clear its own array afterwards. */
    public static Secret of(char[] chars) {
        return new Secret(chars.clone());
    }

    /** Reads a secret from an environment variable (for the CLI's {@code --password-env VAR}). */
    public static Secret fromEnvironment(String variable) throws DeviceException {
        String text = System.getenv(variable);
        if (text == null) {
            throw new DeviceException("environment variable " + variable + " is not set");
        }
        return new Secret(text.toCharArray());
    }

    /** An independent secret with the same characters (closing one does not clear the other). */
    public synchronized Secret duplicate() {
        ensureNotCleared();
        return new Secret(value.clone());
    }

    /** A fresh copy; clear it with {@link Arrays#fill(char[], char)} when done. */
    public synchronized char[] copy() {
        ensureNotCleared();
        return value.clone();
    }

    /** The secret as UTF-8 bytes (for redaction); clear the array when done. */
    public synchronized byte[] utf8() {
        ensureNotCleared();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }

    public synchronized boolean isEmpty() {
        return value.length == 0;
    }

    public synchronized boolean isCleared() {
        return cleared;
    }

    /** Overwrites the characters; the secret cannot be used afterwards. */
    @Override
    public synchronized void close() {
        Arrays.fill(value, '\0');
        cleared = true;
    }

    private void ensureNotCleared() {
        if (cleared) {
            throw new IllegalStateException("secret was already cleared");
        }
    }

    @Override
    public String toString() {
        return "Secret[hidden]";
    }
}
