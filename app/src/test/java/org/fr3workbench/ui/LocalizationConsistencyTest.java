package org.fr3workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fr3workbench.domain.CipPosition;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.ui.assessment.IntegrityStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every key the UI uses is in the bundle, and every key in the bundle is used. */
class LocalizationConsistencyTest {

    private static final Pattern FXML_KEY = Pattern.compile("\"%([A-Za-z][\\w.]*)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("getString\\(\"([A-Za-z][\\w.]*)\"\\)");
    /** The step runner's {@code texts.get("key")} and {@code texts.format("key", ...)}. */
    private static final Pattern TEXTS_KEY = Pattern.compile("texts\\.(?:get|format)\\(\"([A-Za-z][\\w.]*)\"\\s*[,)]");

    private static Set<String> defined;
    private static Set<String> used;

    @BeforeAll
    static void scan() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = LocalizationConsistencyTest.class.getResourceAsStream("/i18n/strings.properties")) {
            bundle.load(in);
        }
        defined = new TreeSet<>(bundle.stringPropertyNames());
        used = new TreeSet<>();
        collect(Path.of("src/main/resources/org/fr3workbench/ui"), ".fxml", FXML_KEY);
        collect(Path.of("src/main/java/org/fr3workbench/ui"), ".java", JAVA_KEY);
        collect(Path.of("src/main/java/org/fr3workbench/ui"), ".java", TEXTS_KEY);
        // Keys built from enum names in code: "cip.position." + position, "step.kind." + kind ...
        for (CipPosition position : CipPosition.values()) {
            String name = position.name().toLowerCase(Locale.ROOT);
            used.add("cip.position." + name);
            used.add("cip.position." + name + ".hint");
            used.add("requirements.legend." + name);
        }
        for (VerdictDecision decision : VerdictDecision.values()) {
            used.add("verdict." + decision.code());
            used.add("verdict.short." + decision.code());
        }
        for (IntegrityStatus.State state : IntegrityStatus.State.values()) {
            used.add("main.integrity." + state.name().toLowerCase(Locale.ROOT));
        }
        for (StepKind kind : StepKind.values()) {
            used.add("step.kind." + kind.name().toLowerCase(Locale.ROOT));
            used.add("steps.icon." + kind.name().toLowerCase(Locale.ROOT));
        }
        for (org.fr3workbench.domain.StepOutcome outcome : org.fr3workbench.domain.StepOutcome.values()) {
            used.add("steps.outcome." + outcome.code());
        }
        used.add("steps.param.kind.marker");
        used.add("steps.param.kind.connection");
        for (StepLocation location : StepLocation.values()) {
            used.add("step.where." + location.name().toLowerCase(Locale.ROOT));
        }
    }

    private static void collect(Path root, String suffix, Pattern pattern) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
    }

    @Test
    void everyUsedKeyIsDefined() {
        assertThat(used).as("keys used in FXML/Java but missing from i18n/strings.properties")
                .isSubsetOf(defined);
    }

    @Test
    void everyDefinedKeyIsUsed() {
        assertThat(defined).as("keys in i18n/strings.properties that nothing uses").isSubsetOf(used);
    }
}
