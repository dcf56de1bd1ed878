package org.fr3workbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quoting is checked against a real POSIX shell: what it prints back must be exactly the words we gave. */
class ShellQuoteTest {

    @Test
    void theShellGetsBackExactlyTheWordsGiven() throws Exception {
        List<String> words = new ArrayList<>(List.of("plain", "two words", "it's", "\"dq\"", "$HOME", "`id`", "$(id)",
                "a\\b", "semi;colon", "new\nline", "*", "~root", "-n", "", "'", "''", "\t", "ünïcödé"));
        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            StringBuilder word = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                word.append((char) (1 + random.nextInt(126)));
            }
            words.add(word.toString());
        }
        String script = "for w in " + ShellQuote.join(words) + "; do printf '%s\\0' \"$w\"; done";
        Process sh = new ProcessBuilder("/bin/sh", "-c", script).start();
        String out = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        List<String> back = List.of(out.split("\0", -1)).subList(0, words.size());
        assertThat(back).containsExactlyElementsOf(words);
    }

    @Test
    void plainWordsStayReadable() {
        assertThat(ShellQuote.quote("/etc/os-release")).isEqualTo("/etc/os-release");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(Command.of("cat", "/etc/machine-id").shellText()).isEqualTo("cat /etc/machine-id");
    }
}
