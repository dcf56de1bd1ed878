package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SchemaTest {

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__\\w+\\.sql");

    @Test
    void latestIsTheHighestMigrationAndEveryMigrationSetsItsUserVersion() throws IOException, URISyntaxException {
        Path folder = Path.of(SchemaTest.class.getResource("/db/migration").toURI());
        int highest = 0;
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Matcher m = MIGRATION.matcher(file.getFileName().toString());
                assertThat(m.matches()).as("migration name %s", file.getFileName()).isTrue();
                int version = Integer.parseInt(m.group(1));
                highest = Math.max(highest, version);
                try (InputStream in = Files.newInputStream(file)) {
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip())
                            .endsWith("PRAGMA user_version = " + version + ";");
                }
            }
        }
        assertThat(Schema.LATEST).isEqualTo(highest);
    }
}
