package org.fr3workbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ProcedureLibrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule of docs/procedure-format.md with a broken copy of the bundled files: the error names the file, the line
 * of the broken text and the problem.
 */
class ProcedureLoaderTest {

    private static Catalog catalog;
    private static final ProcedureLoader LOADER = ProcedureFixtures.loader();

    @TempDir
    Path dir;

    @BeforeAll
    static void loadCatalog() {
        catalog = new CatalogLoader().loadBundled();
    }

    /** Copies the bundled files, replaces {@code from} by {@code to} in {@code file}, loads, returns the error. */
    private CatalogException broken(String file, String from, String to) throws Exception {
        copyBundled();
        Path target = dir.resolve(file);
        String text = Files.readString(target);
        assertThat(text).as("fixture text in %s", file).contains(from);
        Files.writeString(target, text.replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)));
        CatalogException error = catchThrowableOfType(CatalogException.class, () -> LOADER.load(catalog, dir));
        assertThat(error).as("an error for %s -> %s", from, to).isNotNull();
        assertThat(error.source()).isEqualTo(target.toString());
        assertThat(error.column()).isPositive();
        assertThat(error.getMessage()).startsWith(target + ":" + error.line() + ":" + error.column() + ": ");
        return error;
    }

    /** The 1-based line of the first occurrence of {@code text} in the (broken) file. */
    private int lineOf(String file, String text) throws Exception {
        String content = Files.readString(dir.resolve(file));
        return (int) content.substring(0, content.indexOf(text)).chars().filter(c -> c == '\n').count() + 1;
    }

    private void copyBundled() throws Exception {
        for (String family : catalog.families().keySet()) {
            try (InputStream in = ProcedureLoader.class.getResourceAsStream(ProcedureLoader.BUNDLED_DIRECTORY + family + ".yaml")) {
                Files.writeString(dir.resolve(family + ".yaml"), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void theUnchangedCopyLoadsLikeTheBundle() throws Exception {
        copyBundled();
        ProcedureLibrary library = LOADER.load(catalog, dir);

        assertThat(library.procedures()).hasSize(47);
        assertThat(library.version()).isEqualTo("2026.11.1");
    }

    @Test
    void aStepTheCatalogDoesNotPlan() throws Exception {
        CatalogException e = broken("3.4.yaml", "- id: aide-tamper\n", "- id: aide-tamperr\n");

        assertThat(e.problem()).startsWith("CR 3.4 has no step 'aide-tamperr'");
        assertThat(e.line()).isEqualTo(lineOf("3.4.yaml", "aide-tamperr"));
    }

    @Test
    void aPlannedStepWithoutEntry() throws Exception {
        CatalogException e = broken("3.6.yaml", "      - id: fallback-test\n", "      - id: fallback-test-gone\n");
        assertThat(e.problem()).contains("has no step 'fallback-test-gone'");

        String text = Files.readString(dir.resolve("3.6.yaml"));
        Files.writeString(dir.resolve("3.6.yaml"), text.substring(0, text.indexOf("      - id: fallback-test-gone")));
        CatalogException missing = catchThrowableOfType(CatalogException.class, () -> LOADER.load(catalog, dir));
        assertThat(missing.problem()).isEqualTo("CR 3.6 step 'fallback-test' (instruction) has no procedure entry");
        assertThat(missing.line()).isEqualTo(lineOf("3.6.yaml", "- id: CR 3.6"));
    }

    @Test
    void aRequirementTheCatalogLacksAndOneWithoutProcedure() throws Exception {
        CatalogException e = broken("3.9.yaml", "  - id: CR 3.9 RE(1)\n", "  - id: CR 3.9 RE(7)\n");
        assertThat(e.problem()).isEqualTo("the catalog has no requirement 'CR 3.9 RE(7)'");

        String text = Files.readString(dir.resolve("3.9.yaml"));
        Files.writeString(dir.resolve("3.9.yaml"), text.substring(0, text.indexOf("  - id: CR 3.9 RE(7)")));
        CatalogException missing = catchThrowableOfType(CatalogException.class, () -> LOADER.load(catalog, dir));
        assertThat(missing.problem()).startsWith("CR 3.9 RE(1) has no procedure");
        assertThat(missing.line()).isEqualTo(lineOf("3.9.yaml", "requirements:"));
    }

    @Test
    void aRequirementInTheWrongFamilyFile() throws Exception {
        CatalogException e = broken("3.6.yaml", "  - id: CR 3.6\n", "  - id: CR 3.5\n");
        assertThat(e.problem()).startsWith("CR 3.5 belongs to family 3.5, not to 3.6");
        assertThat(e.line()).isEqualTo(lineOf("3.6.yaml", "- id: CR 3.5"));
    }

    @Test
    void unknownKeys() throws Exception {
        CatalogException e = broken("3.7.yaml", "        capture-as: t0\n", "        capture-as: t0\n        retries: 3\n");
        assertThat(e.problem()).startsWith("unknown key 'retries' in a command step");
        assertThat(e.line()).isEqualTo(lineOf("3.7.yaml", "retries"));
    }

    @Test
    void aCommandStepWithoutCommand() throws Exception {
        CatalogException e = broken("3.7.yaml", "        run: date '+%Y-%m-%d %H:%M:%S'\n", "");
        assertThat(e.problem()).isEqualTo("a command step needs 'run' (one command) or 'commands' (a list)");
    }

    @Test
    void anUnknownProbe() throws Exception {
        CatalogException e = broken("3.7.yaml", "probe: failed-login", "probe: failed-logon");
        assertThat(e.problem()).startsWith("unknown probe 'failed-logon' (known: boot-console, failed-login, tls-scan,");
        assertThat(e.line()).isEqualTo(lineOf("3.7.yaml", "failed-logon"));
    }

    @Test
    void aProbeArgumentItDoesNotTake() throws Exception {
        CatalogException e = broken("3.1.yaml", "          via: device\n", "          via: carrier-pigeon\n");
        assertThat(e.problem()).isEqualTo("argument 'via' of probe 'tls-scan' must be one of device, direct, found 'carrier-pigeon'");
    }

    @Test
    void theFailedLoginPasswordMustBeAMarker() throws Exception {
        CatalogException e = broken("3.7.yaml", "password: \"{{marker}}\"", "password: \"hunter2\"");
        assertThat(e.problem()).startsWith("the failed-login password must be one marker parameter");
    }

    @Test
    void anInputStepNamesDeclaredParameters() throws Exception {
        CatalogException e = broken("3.1.yaml", "        parameters: [tls-port]\n", "        parameters: [tls-prot]\n");
        assertThat(e.problem()).isEqualTo("input sets unknown parameter 'tls-prot': declare it under parameters");
    }

    @Test
    void aCaptureStepSaysWhatItCaptures() throws Exception {
        CatalogException e = broken("3.5.yaml", "        capture: file\n", "        capture: hologram\n");
        assertThat(e.problem()).isEqualTo("unknown capture 'hologram' (known: screenshot, photo, file, console-log)");
    }

    @Test
    void anUndeclaredPlaceholder() throws Exception {
        CatalogException e = broken("3.4.yaml", "run: cat {{aide-config}}", "run: cat {{aide-conf}}");
        assertThat(e.problem()).startsWith("unknown parameter '{{aide-conf}}'");
        assertThat(e.line()).isEqualTo(lineOf("3.4.yaml", "{{aide-conf}}"));
    }

    @Test
    void aPlaceholderInAnExpectationIsChecked() throws Exception {
        CatalogException e = broken("3.7.yaml", "absent: \"{{marker}}\"", "absent: \"{{markr}}\"");
        assertThat(e.problem()).startsWith("unknown parameter '{{markr}}'");
    }

    @Test
    void aMalformedPlaceholder() throws Exception {
        CatalogException e = broken("3.4.yaml", "run: cat {{aide-config}}", "run: cat {{Aide Config}}");
        assertThat(e.problem()).startsWith("malformed placeholder '{{Aide Config}}'");
    }

    @Test
    void aCapturedValueIsKnownOnlyAfterItsCommand() throws Exception {
        CatalogException e = broken("3.7.yaml", "        capture-as: t0\n", "        capture-as: start\n");
        assertThat(e.problem()).startsWith("unknown parameter '{{t0}}'");
        assertThat(e.line()).isEqualTo(lineOf("3.7.yaml", "{{t0}}"));
    }

    @Test
    void anIntrusiveStepNeedsACleanup() throws Exception {
        CatalogException e = broken("3.9.yaml", "        cleanup:\n          - label: \"clean: put the audit log back",
                "        unused:\n          - label: \"clean: put the audit log back");
        assertThat(e.problem()).startsWith("unknown key 'unused'");
        String text = Files.readString(dir.resolve("3.9.yaml"));
        int start = text.indexOf("        unused:");
        int end = text.indexOf("      - id: audit-permissions");
        Files.writeString(dir.resolve("3.9.yaml"), text.substring(0, start) + text.substring(end));
        CatalogException missing = catchThrowableOfType(CatalogException.class, () -> LOADER.load(catalog, dir));
        assertThat(missing.problem()).startsWith("step 'audit-delete' is intrusive in the catalog: it needs a cleanup");
        assertThat(missing.line()).isEqualTo(lineOf("3.9.yaml", "- id: audit-delete"));
    }

    @Test
    void cleanupNoneNeedsANote() throws Exception {
        CatalogException e = broken("3.10.yaml", "        cleanup: none\n        note: >-\n          The installed image",
                "        cleanup: none\n        text2: >-\n          The installed image");
        assertThat(e.problem()).startsWith("unknown key 'text2'");
        Files.writeString(dir.resolve("3.10.yaml"), Files.readString(dir.resolve("3.10.yaml"))
                .replaceFirst("        text2: >-\n          The installed image[^\\n]*\n[^\\n]*\n[^\\n]*\n", ""));
        CatalogException missing = catchThrowableOfType(CatalogException.class, () -> LOADER.load(catalog, dir));
        assertThat(missing.problem()).isEqualTo("'cleanup: none' needs a note saying why nothing has to be undone");
    }

    @Test
    void aCleanupOnAStepThatChangesNothing() throws Exception {
        CatalogException e = broken("3.7.yaml", "        capture-as: t0\n", "        capture-as: t0\n        cleanup: none\n");
        assertThat(e.problem()).isEqualTo("step 'mark-start' is not intrusive in the catalog: a cleanup would never run");
    }

    @Test
    void aRegularExpressionThatDoesNotCompile() throws Exception {
        CatalogException e = broken("3.9.yaml", "contains-regex: \"^enabled [12]\"", "contains-regex: \"^enabled [12\"");
        assertThat(e.problem()).startsWith("regular expression does not compile");
        assertThat(e.line()).isEqualTo(lineOf("3.9.yaml", "^enabled [12\""));
    }

    @Test
    void aNumberPatternNeedsAGroup() throws Exception {
        CatalogException e = broken("3.9.yaml", "pattern: \"^(\\\\d+)\\\\s*$\"", "pattern: \"^\\\\d+\\\\s*$\"");
        assertThat(e.problem()).contains("needs a group");
    }

    @Test
    void aDurationThatDoesNotParse() throws Exception {
        CatalogException e = broken("3.7.yaml", "        timeout: 2m\n", "        timeout: two minutes\n");
        assertThat(e.problem()).isEqualTo("timeout 'two minutes' must be a duration such as 30s, 5m or 1h");
        assertThat(e.line()).isEqualTo(lineOf("3.7.yaml", "two minutes"));
    }

    @Test
    void anUnknownCipherList() throws Exception {
        CatalogException e = broken("3.1.yaml", "list: tls13, policy: bsi-tr-02102-2}", "list: tls10, policy: bsi-tr-02102-2}");
        assertThat(e.problem()).isEqualTo("unknown list 'tls10' (known: tls13, tls12)");
    }

    @Test
    void anUnknownTlsPolicy() throws Exception {
        CatalogException e = broken("3.1.yaml", "list: tls13, policy: bsi-tr-02102-2}", "list: tls13, policy: nist}");
        assertThat(e.problem()).startsWith("unknown TLS policy 'nist'");
    }

    @Test
    void aParameterDeclaredTwice() throws Exception {
        CatalogException e = broken("3.9.yaml", "  - id: audit-log\n", "  - id: aide-config\n");
        assertThat(e.problem()).startsWith("parameter 'aide-config' is already declared in ");
    }

    @Test
    void aBuiltInParameterIsNotDeclared() throws Exception {
        CatalogException e = broken("3.9.yaml", "  - id: audit-log\n", "  - id: device-host\n");
        assertThat(e.problem()).startsWith("'device-host' is a built-in parameter");
    }

    @Test
    void stepsFollowTheCatalogOrder() throws Exception {
        copyBundled();
        String text = Files.readString(dir.resolve("3.6.yaml"));
        int first = text.indexOf("      - id: state-machine");
        int second = text.indexOf("      - id: fallback-test");
        Files.writeString(dir.resolve("3.6.yaml"), text.substring(0, first) + text.substring(second) + text.substring(first, second));
        CatalogException e = catchThrowableOfType(CatalogException.class, () -> LOADER.load(catalog, dir));
        assertThat(e.problem()).startsWith("step 'state-machine' comes earlier in the catalog");
    }

    @Test
    void yamlSyntaxAndDuplicateKeys() throws Exception {
        CatalogException syntax = broken("3.5.yaml", "        capture: file\n", "        capture: [file\n");
        assertThat(syntax.problem()).startsWith("YAML syntax error");

        CatalogException duplicate = broken("3.5.yaml", "        capture: file\n", "        capture: file\n        capture: photo\n");
        assertThat(duplicate.problem()).startsWith("duplicate key");
        assertThat(duplicate.line()).isEqualTo(lineOf("3.5.yaml", "capture: photo"));
    }

    @Test
    void versionsAndSchemasAgree() throws Exception {
        CatalogException version = broken("3.5.yaml", "version: \"2026.11.1\"", "version: \"2027.1\"");
        assertThat(version.problem()).contains("differs from");

        CatalogException schema = broken("3.5.yaml", "schema: 1", "schema: 2");
        assertThat(schema.problem()).startsWith("schema '2' is not supported");
    }
}
