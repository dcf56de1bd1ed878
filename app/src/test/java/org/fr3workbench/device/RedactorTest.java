package org.fr3workbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private static Redactor redactor(String... secrets) {
        Redactor redactor = new Redactor();
        for (String secret : secrets) {
            redactor.add(Secret.of(secret.toCharArray()));
        }
        return redactor;
    }

    /** Writes {@code text} in pieces of {@code step} bytes and returns what came out. */
    private static String stream(Redactor redactor, String text, int step) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Redactor.RedactingStream stream = redactor.wrap(out);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += step) {
            stream.write(bytes, i, Math.min(step, bytes.length - i));
        }
        stream.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void catchesASecretSplitAcrossWritesOfAnySize() throws Exception {
        Redactor redactor = redactor("hunter2!");
        String text = "login ok\npassword: hunter2! and again hunter2!hunter2";
        for (int step = 1; step <= text.length(); step++) {
            assertThat(stream(redactor, text, step)).as("step %d", step)
                    .isEqualTo("login ok\npassword: [redacted] and again [redacted]hunter2");
        }
    }

    @Test
    void handlesSeveralSecretsAndNonAsciiOnes() throws Exception {
        Redactor redactor = redactor("pässwört", "pä", "abc");
        assertThat(stream(redactor, "x pässwört y pä z abcab", 3)).isEqualTo("x [redacted] y [redacted] z [redacted]ab");
        assertThat(redactor.redact("pässwört-abc")).isEqualTo("[redacted]-[redacted]");
    }

    @Test
    void countsRedactionsAndPassesEverythingThroughWithoutSecrets() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Redactor redactor = redactor("s3cr3t");
        Redactor.RedactingStream stream = redactor.wrap(out);
        stream.write("s3cr3t s3cr".getBytes(StandardCharsets.US_ASCII));
        stream.write("3t s3c".getBytes(StandardCharsets.US_ASCII));
        stream.finish();
        assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo("[redacted] [redacted] s3c");
        assertThat(stream.redactions()).isEqualTo(2);
        assertThat(stream(new Redactor(), "nothing to hide", 4)).isEqualTo("nothing to hide");
    }

    @Test
    void closingClearsTheSecrets() throws Exception {
        Redactor redactor = redactor("topsecret");
        redactor.close();
        assertThat(redactor.isEmpty()).isTrue();
        assertThat(redactor.redact("topsecret")).isEqualTo("topsecret");
        Secret secret = Secret.of("abc".toCharArray());
        assertThat(secret.toString()).doesNotContain("abc");
        secret.close();
        assertThat(secret.isCleared()).isTrue();
    }
}
