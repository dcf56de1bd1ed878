package org.fr3workbench.ui.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The output model splits on the worker and hands the "FX" thread batches, bounded in size. */
class OutputLinesTest {

    @Test
    void fiveMegabytesArriveInFewBatchesWithEveryLine() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        OutputLines output = new OutputLines(fx);
        String line = "x".repeat(99) + "\n";
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            chunk.append(line);
        }
        int chunks = 5 * 1024 * 1024 / chunk.length();
        for (int i = 0; i < chunks; i++) {
            output.append(chunk.toString());
        }
        output.append("last line without newline");
        fx.submit(() -> { }).get(30, TimeUnit.SECONDS);
        int[] size = new int[1];
        String[] last = new String[1];
        fx.submit(() -> {
            size[0] = output.lines().size();
            last[0] = output.lines().getLast();
        }).get(10, TimeUnit.SECONDS);
        assertThat(size[0]).isEqualTo(chunks * 80 + 1);
        assertThat(last[0]).isEqualTo("last line without newline");
        assertThat(output.batchesProperty().get()).as("batched: far fewer list changes than chunks").isLessThan(chunks);
        fx.shutdownNow();
    }

    @Test
    void longLinesAreBrokenAndOldLinesDropped() throws Exception {
        ExecutorService fx = Executors.newSingleThreadExecutor();
        OutputLines output = new OutputLines(fx);
        output.append("y".repeat(OutputLines.MAX_LINE_LENGTH * 2 + 5) + "\n");
        fx.submit(() -> { }).get(10, TimeUnit.SECONDS);
        fx.submit(() -> assertThat(output.lines()).hasSize(3)).get(10, TimeUnit.SECONDS);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < OutputLines.MAX_LINES + 10; i++) {
            many.append(i).append('\n');
        }
        output.append(many.toString());
        fx.submit(() -> { }).get(10, TimeUnit.SECONDS);
        fx.submit(() -> {
            assertThat(output.lines()).hasSize(OutputLines.MAX_LINES);
            assertThat(output.lines().getLast()).isEqualTo(Integer.toString(OutputLines.MAX_LINES + 9));
            assertThat(output.droppedProperty().get()).isEqualTo(13);
        }).get(10, TimeUnit.SECONDS);
        output.clear();
        fx.submit(() -> { }).get(10, TimeUnit.SECONDS);
        fx.submit(() -> assertThat(output.lines()).isEmpty()).get(10, TimeUnit.SECONDS);
        fx.shutdownNow();
    }
}
