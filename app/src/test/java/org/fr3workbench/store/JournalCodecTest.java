package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Pins the canonical journal encoding to the worked example in docs/assessment-file.md. */
class JournalCodecTest {

    @Test
    void encodesLengthPrefixedFieldsInTheDocumentedOrder() {
        byte[] encoded = JournalCodec.encode(2, "2026-11-27T09:15:02.123Z", "Alice", "verdict.set", "CR 3.1",
                "{\"id\":1,\"requirement_id\":\"CR 3.1\",\"decision\":\"met\",\"rationale\":\"TLS 1.3 only\"}", null,
                JournalCodec.GENESIS);
        assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("FR3-JOURNAL-1\n"
                + "1:2\n"
                + "24:2026-11-27T09:15:02.123Z\n"
                + "5:Alice\n"
                + "11:verdict.set\n"
                + "6:CR 3.1\n"
                + "78:{\"id\":1,\"requirement_id\":\"CR 3.1\",\"decision\":\"met\",\"rationale\":\"TLS 1.3 only\"}\n"
                + "0:\n"
                + "64:" + "0".repeat(64) + "\n");
        assertThat(JournalCodec.hash(2, "2026-11-27T09:15:02.123Z", "Alice", "verdict.set", "CR 3.1",
                "{\"id\":1,\"requirement_id\":\"CR 3.1\",\"decision\":\"met\",\"rationale\":\"TLS 1.3 only\"}", null,
                JournalCodec.GENESIS)).isEqualTo(JournalCodec.sha256Hex(encoded))
                .isEqualTo("63bb1cf10f1390fb9995a6e0a54a73ef1f80e3f84ee5f6e965ff4ba3fc4762ce");
    }

    @Test
    void lengthsCountUtf8BytesSoThatNoFieldCanSpillIntoTheNext() {
        String a = new String(JournalCodec.encode(1, "t", "Jürgen", "a", "s", "d", "", "p"), StandardCharsets.UTF_8);
        assertThat(a).contains("7:Jürgen\n");
        assertThat(JournalCodec.hash(1, "t", "ab", "c", "s", "d", "", "p"))
                .isNotEqualTo(JournalCodec.hash(1, "t", "a", "bc", "s", "d", "", "p"));
    }
}
