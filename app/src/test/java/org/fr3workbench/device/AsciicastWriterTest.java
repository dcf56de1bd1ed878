package org.fr3workbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AsciicastWriterTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void writesAHeaderAndTimedEventsWithRedactionAndSplitUtf8() throws Exception {
        StringWriter out = new StringWriter();
        AtomicLong now = new AtomicLong(1_000_000_000L);
        Redactor redactor = new Redactor();
        redactor.add(Secret.of("pw-123".toCharArray()));
        byte[] text = "grün \u001b[31mrot\u001b[0m pw-123\r\n".getBytes(StandardCharsets.UTF_8);
        try (AsciicastWriter cast = new AsciicastWriter(out, 120, 40, Instant.parse("2026-05-04T10:00:00Z"),
                "ssh root@dev", redactor, now::get)) {
            cast.output(text, 0, 3);
            now.addAndGet(500_000_000L);
            cast.output(text, 3, text.length - 3);
            cast.resize(100, 30);
            cast.marker("evidence");
        }
        List<String> lines = out.toString().lines().toList();
        JsonNode header = json.readTree(lines.getFirst());
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(120);
        assertThat(header.get("timestamp").asLong()).isEqualTo(1_777_888_800L);
        StringBuilder output = new StringBuilder();
        for (String line : lines.subList(1, lines.size())) {
            JsonNode event = json.readTree(line);
            if (event.get(1).asText().equals("o")) {
                output.append(event.get(2).asText());
            }
        }
        assertThat(output.toString()).isEqualTo("grün \u001b[31mrot\u001b[0m [redacted]\r\n");
        assertThat(out.toString()).doesNotContain("pw-123").doesNotContain("\uFFFD");
        assertThat(lines).anySatisfy(l -> assertThat(l).isEqualTo("[0.5,\"r\",\"100x30\"]"));
        assertThat(lines.getLast()).isEqualTo("[0.5,\"m\",\"evidence\"]");
    }
}
