package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.domain.StepRunState;
import org.fr3workbench.domain.VerificationReport;
import org.fr3workbench.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM records evidence in a loop and is killed with SIGKILL at random moments; after each
 * kill the file must open, pass SQLite's integrity check and verify, and hold every evidence item
 * the child reported as committed.
 */
class DurabilityTest {

    private static final int KILLS = 22;

    @TempDir
    Path dir;

    @Test
    void survivesSigkillAtRandomMoments() throws Exception {
        Path file = dir.resolve("crash.fr3");
        StoreFixture.create(file).close();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Set<Long> committed = new HashSet<>();
        int interrupted = 0;
        Path scratch = Files.createDirectory(dir.resolve("scratch"));
        StoreFixture.create(scratch.resolve("template.fr3")).close();
        Process next = start(file, scratch, random, 1);
        for (int kill = 1; kill <= KILLS; kill++) {
            String context = "kill " + kill + " of " + KILLS + ", seed " + seed;
            Process child = next;
            try {
                BufferedReader out = ChildJvm.output(child);
                assertThat(out.readLine()).as("%s; child stderr: %s", context, errors(kill)).isEqualTo("warm");
                child.getOutputStream().write("go\n".getBytes(StandardCharsets.UTF_8));
                child.getOutputStream().flush();
                assertThat(out.readLine()).as("%s; child stderr: %s", context, errors(kill)).isEqualTo("ready");
                int lines = random.nextInt(4);
                for (int i = 0; i < lines; i++) {
                    record(out.readLine(), committed);
                }
                Thread.sleep(random.nextInt(100));
                // SIGKILL through the handle: Process.destroyForcibly would also close our end of its output.
                child.toHandle().destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                for (String line; (line = out.readLine()) != null; ) {
                    record(line, committed);
                }
            } finally {
                child.destroyForcibly();
            }
            // The next child warms up while this crash is checked; it opens the file only when told to.
            next = kill < KILLS ? start(file, scratch, random, kill + 1) : null;
            interrupted += checkAfterCrash(file, committed, context);
        }
        assertThat(committed).as("the children committed evidence").hasSizeGreaterThan(KILLS);
        assertThat(interrupted).as("interrupted step runs found").isGreaterThanOrEqualTo(0);
    }

    private Process start(Path file, Path scratch, Random random, int kill) throws IOException {
        return ChildJvm.start(CrashWriterMain.class, dir.resolve("child-" + kill + ".err"), file.toString(),
                Long.toString(random.nextLong()), scratch.toString());
    }

    private String errors(int kill) throws IOException {
        return Files.readString(dir.resolve("child-" + kill + ".err"));
    }

    private static void record(String line, Set<Long> committed) {
        if (line != null && line.startsWith("committed ")) {
            committed.add(Long.parseLong(line.substring("committed ".length())));
        }
    }

    private static int checkAfterCrash(Path file, Set<Long> committed, String context) throws Exception {
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            assertThat(integrityCheck(file)).as(context).isEqualTo("ok");
            VerificationReport report = store.verify(ProgressMonitor.NONE);
            assertThat(report.discrepancies()).as(context).isEmpty();
            for (long id : committed) {
                assertThat(store.evidence().get(id)).as("%s: evidence %d reported as committed", context, id).isPresent();
            }
            assertThat(store.stepRuns().all()).as(context).noneMatch(r -> r.state() == StepRunState.RUNNING);
            return (int) store.stepRuns().all().stream().filter(r -> r.state() == StepRunState.INTERRUPTED).count();
        }
    }

    private static String integrityCheck(Path file) throws IOException, java.sql.SQLException {
        try (Connection c = StoreFixture.raw(file); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
