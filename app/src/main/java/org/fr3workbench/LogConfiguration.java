package org.fr3workbench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;

/**
 * The diagnostic log, configured in code (found by Logback through {@code META-INF/services}): a rolling file in
 * {@link AppDirectories#logDirectory()} (10 MB per file, 14 days, 200 MB in all), {@code org.fr3workbench} at INFO
 * (or {@code -Dfr3.log.level}), everything else at WARN. Evidence goes to the assessment file and secrets go nowhere.
 *
 * <p>Configuring in code instead of {@code logback.xml} saves the XML parsing of Logback's Joran configurator on
 * every start, about 0.15 s of CPU while the window starts (docs/benchmarks.md). A configuration file given with
 * {@code -Dlogback.configurationFile=FILE} still takes precedence: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogConfiguration extends ContextAwareBase implements Configurator {

    /** The line layout of the log file. */
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";

    /** Libraries whose INFO chatter would drown the workbench's own lines. */
    private static final Map<String, Level> QUIET = Map.of("net.schmizz", Level.WARN, "com.hierynomus", Level.WARN,
            "org.flywaydb", Level.WARN);

    public LogConfiguration() {
        // Logback creates it through the ServiceLoader.
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        Path directory = AppDirectories.logDirectory();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(directory.resolve("fr3.log").toString());
        file.setEncoder(encoder);
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(directory.resolve("fr3.%d{yyyy-MM-dd}.%i.log.gz").toString());
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(14);
        rolling.setTotalSizeCap(FileSize.valueOf("200MB"));
        rolling.start();
        file.setRollingPolicy(rolling);
        file.start();

        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
        context.getLogger("org.fr3workbench").setLevel(Level.toLevel(System.getProperty("fr3.log.level"), Level.INFO));
        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
