package org.fr3workbench.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.StoreFixture;

/** A fresh assessment file, the local channel and a runner with the given probes. */
final class RunnerFixture implements AutoCloseable {

    final ExecutorService io = Executors.newCachedThreadPool();
    final LocalChannel laptop;
    final AssessmentStore store;
    final StepRunner runner;

    RunnerFixture(Path dir, List<StepProbe> probes) throws Exception {
        this(dir, probes, null);
    }

    /** Opens {@code existing} for writing instead of creating a new file, unless it is null. */
    RunnerFixture(Path dir, List<StepProbe> probes, Path existing) throws Exception {
        Files.createDirectories(dir.resolve("work"));
        laptop = new DeviceConnections(dir.resolve("work"), Clock.systemUTC(), io).local();
        store = existing == null ? StoreFixture.create(dir.resolve("a.fr3"))
                : StoreFixture.files().open(existing, AssessmentFiles.Access.READ_WRITE);
        runner = new StepRunner(store, new ProbeRegistry(probes), Clock.systemUTC());
    }

    @Override
    public void close() {
        store.close();
        laptop.close();
        io.shutdownNow();
    }
}
