package org.fr3workbench.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Size and SHA-256 of one captured output stream (the bytes themselves are kept elsewhere).
 *
 * @param size   number of bytes
 * @param sha256 lower-case hex SHA-256 of exactly those bytes
 */
public record OutputDigest(long size, String sha256) {

    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** SHA-256 of no bytes at all. */
    public static final OutputDigest EMPTY =
            new OutputDigest(0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    public OutputDigest {
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        if (!HEX_SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits: " + sha256);
        }
    }
}
