package org.fr3workbench.ui.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The live output of a step as lines for a virtualized list: fast with megabytes. Workers {@link #append} chunks;
 * the splitting into lines happens on the worker, and the FX thread receives the lines in batches (one change of the
 * list per FX turn, however many chunks arrived meanwhile). Very long lines are broken into pieces and only the last
 * {@link #MAX_LINES} lines are kept: the complete output is the transcript in the evidence.
 */
public final class OutputLines {

    /** Lines kept for display. */
    public static final int MAX_LINES = 200_000;
    /** Longer lines are shown in pieces of this many characters. */
    public static final int MAX_LINE_LENGTH = 1_000;

    private final Executor fx;
    private final ObservableList<String> lines = FXCollections.observableArrayList();
    private final ObservableList<String> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyLongWrapper dropped = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper batches = new ReadOnlyLongWrapper();

    private final Object lock = new Object();
    private List<String> pending = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private boolean flushScheduled;
    private boolean clearPending;
    /** FX thread only: whether the list's last line is the unfinished line shown so far. */
    private boolean openLineShown;

    /** @param fx runs work on the FX thread ({@code Platform::runLater}) */
    public OutputLines(Executor fx) {
        this.fx = fx;
    }

    /** Adds a chunk of output; any thread, returns quickly. */
    public void append(String chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        boolean schedule;
        synchronized (lock) {
            int start = 0;
            for (int i = 0; i < chunk.length(); i++) {
                char c = chunk.charAt(i);
                if (c == '\n') {
                    partial.append(chunk, start, i);
                    completeLine();
                    start = i + 1;
                } else if (partial.length() + (i - start) >= MAX_LINE_LENGTH) {
                    partial.append(chunk, start, i);
                    completeLine();
                    start = i;
                }
            }
            partial.append(chunk, start, chunk.length());
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            fx.execute(this::flush);
        }
    }

    /** Adds a line of its own (a command header, a message), ending any unfinished line first. */
    public void appendLine(String line) {
        synchronized (lock) {
            if (!partial.isEmpty()) {
                completeLine();
            }
        }
        append(line + "\n");
    }

    /** Empties the output (before a new run); any thread. */
    public void clear() {
        synchronized (lock) {
            pending = new ArrayList<>();
            partial.setLength(0);
            clearPending = true;
            if (flushScheduled) {
                return;
            }
            flushScheduled = true;
        }
        fx.execute(this::flush);
    }

    private void completeLine() {
        String line = partial.toString();
        partial.setLength(0);
        pending.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        if (pending.size() > MAX_LINES) {
            // The FX thread is far behind: keep only what it could show anyway.
            int excess = pending.size() - MAX_LINES;
            pending = new ArrayList<>(pending.subList(excess, pending.size()));
            droppedBehind += excess;
        }
    }

    /** Lines dropped on the worker side before the FX thread saw them (guarded by {@code lock}). */
    private long droppedBehind;

    /** FX thread: moves everything that arrived into the list in one change. */
    private void flush() {
        List<String> batch;
        String open;
        boolean clearFirst;
        long lost;
        synchronized (lock) {
            batch = pending;
            pending = new ArrayList<>();
            open = partial.toString();
            clearFirst = clearPending;
            clearPending = false;
            lost = droppedBehind;
            droppedBehind = 0;
            flushScheduled = false;
        }
        if (clearFirst) {
            lines.clear();
            openLineShown = false;
            dropped.set(0);
        }
        if (openLineShown && !lines.isEmpty()) {
            lines.removeLast();
        }
        openLineShown = !open.isEmpty();
        List<String> add = batch;
        if (openLineShown) {
            add = new ArrayList<>(batch);
            add.add(open);
        }
        if (add.isEmpty()) {
            return;
        }
        int excess = lines.size() + add.size() - MAX_LINES;
        if (excess > 0 && excess >= lines.size()) {
            long skipped = excess - lines.size();
            dropped.set(dropped.get() + lost + lines.size() + skipped);
            lines.setAll(add.subList((int) skipped, add.size()));
        } else {
            if (excess > 0) {
                lines.remove(0, excess);
                dropped.set(dropped.get() + lost + excess);
            } else if (lost > 0) {
                dropped.set(dropped.get() + lost);
            }
            lines.addAll(add);
        }
        batches.set(batches.get() + 1);
    }

    /** The lines shown (FX thread). */
    public ObservableList<String> lines() {
        return linesView;
    }

    /** How many earlier lines are no longer shown. */
    public ReadOnlyLongProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** How many batches reached the list so far (for tests and benchmarks). */
    public ReadOnlyLongProperty batchesProperty() {
        return batches.getReadOnlyProperty();
    }
}
