package org.fr3workbench;

import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lets the JIT compiler threads yield to the window's start (Linux only; docs/adr/0066).
 *
 * <p>On a two-core laptop the C2 compiler takes a core of its own while the JavaFX thread builds the
 * first scene, and the start waits for CPU. Lowered to nice 19, the compiler threads run whenever a
 * core is idle and otherwise give way; compiled code still arrives, only later. An unprivileged process
 * cannot raise the priority again, so the change lasts for the life of the process: the dossier export
 * benchmark runs as fast with it (docs/benchmarks.md).
 */
final class CompilerThreads {

    /** The nice value given to the compiler threads: the lowest priority Linux has. */
    static final int NICE = 19;

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final int PRIO_PROCESS = 0;

    private CompilerThreads() {
    }

    /**
     * Lowers the priority of the HotSpot compiler threads now running.
     *
     * @return how many threads were lowered; 0 where there is no {@code /proc} (not Linux) or nothing was allowed
     */
    static int yieldToStart() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        MethodHandle setpriority;
        try {
            setpriority = setpriority();
        } catch (RuntimeException e) {
            // No setpriority in the C library, or native access refused: the start is only slower. It runs on the
            // start's worker before the catalog loads, so nothing may escape from here.
            return 0;
        }
        int lowered = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                if (isCompilerThread(threadName(task)) && lower(setpriority, task)) {
                    lowered++;
                }
            }
        } catch (IOException e) {
            // A thread ended while it was read, or /proc is not readable: the start is only slower.
            return lowered;
        }
        return lowered;
    }

    /** HotSpot's compiler threads are "C1 CompilerThread0", "C2 CompilerThread1" ...; Linux keeps 15 characters. */
    static boolean isCompilerThread(String name) {
        return name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre");
    }

    private static String threadName(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static boolean lower(MethodHandle setpriority, Path task) {
        try {
            int tid = Integer.parseInt(task.getFileName().toString());
            return (int) setpriority.invokeExact(PRIO_PROCESS, tid, NICE) == 0;
        } catch (Throwable e) {
            // A task that is not a number, or a failed call: this thread keeps its priority.
            return false;
        }
    }

    private static MethodHandle setpriority() {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find("setpriority").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    }
}
