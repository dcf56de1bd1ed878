package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile parameter values reach a real shell as one literal word and never execute. */
class CommandTemplateTest {

    @TempDir
    Path dir;

    private String runInShell(String command) throws Exception {
        Process process = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "plain", "with space", "it's", "'", "''", "\"double\"", "a;touch pwned", "$(touch pwned)", "`touch pwned`",
        "x && touch pwned", "x | touch pwned", "x\ntouch pwned", "x\rtouch pwned", "*", "~", "$HOME", "${IFS}",
        "-n", "--", "\\", "\\'", "'; touch pwned; echo '", "é ü 中文 \u2028", "a\tb", "!event", "> pwned", ""
    })
    void aHostileValueArrivesLiterallyAndRunsNothing(String hostile) throws Exception {
        String command = new CommandTemplate("printf '%s' {{value}}").render(Map.of("value", hostile));

        String printed = runInShell(command);

        assertThat(printed).isEqualTo(hostile);
        assertThat(dir.resolve("pwned")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void everyPlaceholderIsReplacedAndNamed() {
        CommandTemplate template = new CommandTemplate("stat -c '%a' {{path}} {{ path }} {{other-file}}");

        assertThat(template.parameters()).containsExactly("path", "other-file");
        assertThat(template.render(Map.of("path", "/etc/aide/aide.conf", "other-file", "my file")))
                .isEqualTo("stat -c '%a' /etc/aide/aide.conf /etc/aide/aide.conf 'my file'");
    }

    @Test
    void aMissingParameterIsNamed() {
        assertThatThrownBy(() -> new CommandTemplate("cat {{config}}").render(Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parameter 'config' has no value");
    }

    @Test
    void nulIsRefused() {
        assertThatThrownBy(() -> org.fr3workbench.device.ShellQuote.quote("a\0b")).hasMessageContaining("NUL");
    }
}
