package org.fr3workbench.report.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.fr3workbench.catalog.CatalogLoader;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.report.ExportCancelledException;
import org.fr3workbench.store.AssessmentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample's folder handling: default names, and cancellation that leaves nothing behind. */
class SampleAssessmentTest {

    @TempDir
    Path dir;

    private final Catalog catalog = new CatalogLoader().loadBundled();

    private SampleAssessment sample() throws java.io.IOException {
        Files.createDirectories(dir.resolve("spool"));
        DeviceConnections connections = new DeviceConnections(dir.resolve("spool"), Clock.systemUTC(),
                Executors.newCachedThreadPool());
        return new SampleAssessment(new AssessmentFiles(Clock.systemUTC()), () -> catalog, connections::local, Clock.systemUTC(),
                "FR3 Workbench test");
    }

    @Test
    void theDefaultFolderMovesOnWhenASampleIsAlreadyThere() throws Exception {
        Path home = dir.resolve("home");
        assertThat(SampleAssessment.freeFolder(home)).isEqualTo(home.resolve("FR3 Workbench").resolve("Sample"));
        Files.createDirectories(SampleAssessment.defaultFolder(home));
        Files.writeString(SampleAssessment.defaultFolder(home).resolve(SampleAssessment.DOSSIER_FILE), "x");
        assertThat(SampleAssessment.freeFolder(home)).isEqualTo(home.resolve("FR3 Workbench").resolve("Sample 2"));
    }

    @Test
    void cancellingWhileSigningRemovesEverythingItMade() throws Exception {
        Path folder = dir.resolve("cancelled");
        AtomicBoolean cancel = new AtomicBoolean();

        assertThatThrownBy(() -> sample().create(folder, (phase, done, total) -> {
            if (phase.startsWith("Signing")) {
                cancel.set(true);
            }
        }, cancel::get)).isInstanceOf(ExportCancelledException.class);

        try (Stream<Path> left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
    }
}
