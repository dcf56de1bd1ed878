package org.fr3workbench.ui;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.SequencedMap;

/**
 * The milestones of one window start, each as the time since the JVM started (so the launcher's own start counts).
 * {@code fr3 gui --smoke-test} prints them; docs/benchmarks.md explains how they were used to cut the start-up time.
 * Thread-safe: the main thread, the JavaFX thread and workers mark it.
 */
public final class StartupTrace {

    /** The last milestone of a start: the window's first frame has been painted. */
    public static final String FIRST_FRAME = "first frame";

    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final SequencedMap<String, Duration> marks = new LinkedHashMap<>();

    /** Records a milestone now; a milestone recorded twice keeps its first time. */
    public synchronized void mark(String milestone) {
        marks.putIfAbsent(milestone, Duration.ofMillis(System.currentTimeMillis() - jvmStart));
    }

    /** The milestones so far in the order they happened. */
    public synchronized SequencedMap<String, Duration> marks() {
        return new LinkedHashMap<>(marks);
    }

    /** The time of the first frame, or zero when the window never painted one. */
    public synchronized Duration firstFrame() {
        return marks.getOrDefault(FIRST_FRAME, Duration.ZERO);
    }
}
