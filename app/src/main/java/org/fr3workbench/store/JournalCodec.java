package org.fr3workbench.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical encoding of a journal entry and its hash (docs/assessment-file.md, "Journal"):
 * <pre>
 * "FR3-JOURNAL-1\n" then, for each field in the order
 *   seq, at, actor, action, subject, details, evidence_sha256, prev_hash:
 *   decimal byte length of the field's UTF-8 text, ":", the UTF-8 text, "\n"
 * hash = lower-case hex SHA-256 of those bytes
 * </pre>
 * {@code seq} is decimal without leading zeros, a missing {@code evidence_sha256} is the empty
 * text, and the first entry's {@code prev_hash} is 64 zeros.
 */
final class JournalCodec {

    /** {@code prev_hash} of entry 1. */
    static final String GENESIS = "0".repeat(64);

    private static final byte[] PREFIX = "FR3-JOURNAL-1\n".getBytes(StandardCharsets.US_ASCII);

    private JournalCodec() {
    }

    static byte[] encode(long seq, String at, String actor, String action, String subject, String details,
                         String evidenceSha256, String previousHash) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(PREFIX);
        for (String field : new String[] {Long.toString(seq), at, actor, action, subject, details,
            evidenceSha256 == null ? "" : evidenceSha256, previousHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(bytes);
            out.write('\n');
        }
        return out.toByteArray();
    }

    static String hash(long seq, String at, String actor, String action, String subject, String details,
                       String evidenceSha256, String previousHash) {
        return sha256Hex(encode(seq, at, actor, action, subject, details, evidenceSha256, previousHash));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
