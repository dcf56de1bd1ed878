package org.fr3workbench.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.VerdictDecision;

/**
 * Child process of {@code DurabilityTest}: records evidence, verdicts and step runs in a loop
 * until it is killed, printing {@code committed ID} after each evidence item's transaction has
 * committed. Arguments: the assessment file, a random seed and a scratch folder holding {@code template.fr3}.
 * It first warms up on a copy of the template, prints {@code warm} and waits for a line on its input before it opens the
 * real file, so that the parent can start it while it is still checking the previous crash.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Random random = new Random(Long.parseLong(args[1]));
        Path scratch = Path.of(args[2]).resolve("warm-" + ProcessHandle.current().pid() + ".fr3");
        java.nio.file.Files.copy(Path.of(args[2]).resolve("template.fr3"), scratch);
        warmUp(scratch);
        out.println("warm");
        if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
            return;
        }
        try (AssessmentStore store = StoreFixture.files().open(Path.of(args[0]), AssessmentFiles.Access.READ_WRITE)) {
            out.println("ready");
            for (int i = 0; ; i++) {
                int dice = random.nextInt(10);
                if (dice == 0) {
                    store.verdicts().set("CR 3." + (1 + random.nextInt(9)), VerdictDecision.values()[random.nextInt(3)],
                            "rationale " + i, "child");
                    continue;
                }
                StepRun run = dice == 1 ? store.stepRuns().start("CR 3.4", "step-" + i, "child") : null;
                int size = random.nextInt(10) == 0 ? 600_000 + random.nextInt(1_500_000) : 1 + random.nextInt(120_000);
                NewEvidence evidence = new NewEvidence(EvidenceKind.FILE, "CR 3.4", Optional.ofNullable(run).map(StepRun::id),
                        "item-" + i + ".bin", "application/octet-stream", "crash test " + i, "child", Instant.now());
                Evidence stored = store.evidence().add(evidence, pseudoRandom(random.nextLong(), size), "child",
                        ProgressMonitor.NONE);
                out.println("committed " + stored.id());
                if (run != null) {
                    store.stepRuns().finish(run.id(), StepOutcome.PASS, "", "child");
                }
            }
        }
    }

    /** Loads the classes the loop uses. */
    private static void warmUp(Path scratch) throws Exception {
        try (AssessmentStore store = StoreFixture.files().open(scratch, AssessmentFiles.Access.READ_WRITE)) {
            store.evidence().add(new NewEvidence(EvidenceKind.FILE, "CR 3.4", Optional.empty(), "warm.bin",
                    "application/octet-stream", "", "child", Instant.now()), pseudoRandom(1, 100_000), "child", ProgressMonitor.NONE);
        }
    }

    /** Content generated on the fly, never held whole. */
    static InputStream pseudoRandom(long seed, long size) {
        Random bytes = new Random(seed);
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left == 0) {
                    return -1;
                }
                left--;
                return bytes.nextInt(256);
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                byte[] chunk = new byte[n];
                bytes.nextBytes(chunk);
                System.arraycopy(chunk, 0, b, off, n);
                left -= n;
                return n;
            }
        };
    }
}
