package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.ParameterValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParameterStoreTest {

    @TempDir
    Path dir;

    @Test
    void valuesAreSetReplacedAndClearedWithJournalEntriesAndSurviveReopening() throws Exception {
        Path file = dir.resolve("a.fr3");
        try (AssessmentStore store = StoreFixture.create(file)) {
            long before = store.journal().size();
            ParameterValue set = store.parameters().set("tls-port", "8443", "Alice");
            assertThat(set.setBy()).isEqualTo("Alice");
            store.parameters().set("tls-port", "8443", "Bob");
            assertThat(store.journal().size()).as("the same value again writes nothing").isEqualTo(before + 1);
            store.parameters().set("tls-port", "4443", "Bob");
            store.parameters().set("update-image", "/home/alice/valid.swu", "Alice");
            store.parameters().set("aide-config", "/etc/aide.conf", "Alice");
            assertThat(store.parameters().clear("aide-config", "Alice")).isTrue();
            assertThat(store.parameters().clear("aide-config", "Alice")).isFalse();
            JournalEntry last = store.journal().page(store.journal().size(), 1).getFirst();
            assertThat(last.action()).isEqualTo("parameter.clear");
            assertThat(last.subject()).isEqualTo("parameter aide-config");
        }
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            assertThat(store.parameters().values()).containsExactly(Map.entry("tls-port", "4443"),
                    Map.entry("update-image", "/home/alice/valid.swu"));
            assertThat(store.parameters().get("tls-port").orElseThrow().setBy()).isEqualTo("Bob");
            assertThat(store.verify(ProgressMonitor.NONE).discrepancies()).isEmpty();
        }
    }

    @Test
    void secretsAndMalformedNamesOrValuesAreRefusedAndChangeNothing() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("b.fr3"))) {
            long before = store.journal().size();
            assertThatThrownBy(() -> store.parameters().set("root-password", "hunter2", "Alice"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secrets are never stored");
            assertThatThrownBy(() -> store.parameters().set("key-passphrase", "x", "Alice"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("passphrase");
            assertThatThrownBy(() -> store.parameters().set("TLS Port", "1", "Alice"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case words");
            assertThatThrownBy(() -> store.parameters().set("tls-port", "1\n2", "Alice"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one line");
            assertThatThrownBy(() -> store.parameters().set("tls-port", "x".repeat(ParameterStore.MAX_VALUE + 1), "Alice"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
            assertThat(store.parameters().all()).isEmpty();
            assertThat(store.journal().size()).isEqualTo(before);
        }
    }

    @Test
    void aSchemaOneFileIsUpgradedOnOpeningAndStaysVerifiable() throws Exception {
        Path file = dir.resolve("old.fr3");
        try (AssessmentStore store = StoreFixture.create(file)) {
            store.verdicts().set("CR 3.1", org.fr3workbench.domain.VerdictDecision.MET, "fine", "Alice");
        }
        StoreFixture.sql(file, "DROP TABLE parameter", "DELETE FROM flyway_schema_history WHERE version = '2'",
                "PRAGMA user_version = 1");
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            store.parameters().set("tls-port", "8443", "Alice");
            assertThat(store.verify(ProgressMonitor.NONE).discrepancies()).isEmpty();
        }
        try (var c = StoreFixture.raw(file); var s = c.createStatement(); var rs = s.executeQuery("PRAGMA user_version")) {
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
    }
}
