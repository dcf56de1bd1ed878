package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliReferenceTest {

    @Test
    void committedReferenceMatchesTheCommandModel() throws Exception {
        Path committed = Path.of("../docs/cli-reference.md");
        assertThat(Files.readString(committed, StandardCharsets.UTF_8))
                .as("docs/cli-reference.md is stale: run tools/cli-reference.sh and commit the result")
                .isEqualTo(CliReference.render());
    }
}
