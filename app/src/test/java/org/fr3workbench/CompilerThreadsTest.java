package org.fr3workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class CompilerThreadsTest {

    @Test
    void recognisesHotSpotCompilerThreadsByTheirTruncatedNames() {
        assertThat(CompilerThreads.isCompilerThread("C2 CompilerThre")).isTrue();
        assertThat(CompilerThreads.isCompilerThread("C1 CompilerThre")).isTrue();
        assertThat(CompilerThreads.isCompilerThread("JavaFX Applicat")).isFalse();
        assertThat(CompilerThreads.isCompilerThread("")).isFalse();
    }

    @Test
    void lowersEveryCompilerThreadOfThisProcessToNice19() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux /proc is needed");
        List<Long> compilers = compilerThreads();
        assertThat(compilers).as("HotSpot compiler threads in /proc/self/task").isNotEmpty();

        int lowered = CompilerThreads.yieldToStart();

        assertThat(lowered).isEqualTo(compilers.size());
        for (long tid : compilers) {
            assertThat(niceOf(tid)).as("nice of compiler thread %d", tid).isEqualTo(CompilerThreads.NICE);
        }
        // Only the compiler threads: this test's own thread keeps its priority.
        long self = Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
        assertThat(niceOf(self)).isNotEqualTo(CompilerThreads.NICE);
    }

    /** The nice value of one thread of this process, from field 19 of {@code /proc/self/task/TID/stat}. */
    private static int niceOf(long tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task", Long.toString(tid), "stat"));
        // The name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    private static List<Long> compilerThreads() throws IOException {
        List<Long> found = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                if (CompilerThreads.isCompilerThread(Files.readString(task.resolve("comm")).strip())) {
                    found.add(Long.parseLong(task.getFileName().toString()));
                }
            }
        }
        return found;
    }
}
