package org.fr3workbench;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** The log configuration in code: what logback.xml used to say, now without the XML parse on every start. */
@Isolated("sets the fr3.log.dir system property")
class LogConfigurationTest {

    @Test
    void logbackFindsTheConfigurationThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(LogConfiguration.class);
    }

    @Test
    void writesTheWorkbenchAtInfoAndLibrariesAtWarnToTheRollingFile(@TempDir Path dir) throws Exception {
        String before = System.getProperty("fr3.log.dir");
        System.setProperty("fr3.log.dir", dir.toString());
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        context.start();
        try {
            assertThat(new LogConfiguration().configure(context)).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
            context.getLogger("org.fr3workbench.store.Something").info("kept at info");
            context.getLogger("org.fr3workbench.store.Something").debug("dropped at debug");
            context.getLogger("net.schmizz.sshj.Transport").info("dropped library info");
            context.getLogger("org.flywaydb.core.Flyway").warn("kept library warning");
            context.getLogger("com.example.Other").info("dropped other info");
            assertThat(context.getLogger("org.fr3workbench").getLevel()).isEqualTo(Level.INFO);
        } finally {
            context.stop();
            restore(before);
        }
        String log = Files.readString(dir.resolve("fr3.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("INFO  [", "org.fr3workbench.store.Something - kept at info", "WARN  [", "kept library warning")
                .doesNotContain("dropped");
    }

    @Test
    void anExplicitConfigurationFileTakesPrecedence() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/nonexistent/logback.xml");
        try {
            assertThat(new LogConfiguration().configure(new LoggerContext()))
                    .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }

    private static void restore(String before) {
        if (before == null) {
            System.clearProperty("fr3.log.dir");
        } else {
            System.setProperty("fr3.log.dir", before);
        }
    }
}
