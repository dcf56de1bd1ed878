package org.fr3workbench.ui.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole-screen capture on a real X display: Xvfb with a known screen size and a window of a
 * known colour (Monocle's headless screen cannot be captured; see CaptureWorkflowTest).
 */
@Tag("peer")
class ScreenCaptureXvfbTest {

    @TempDir
    Path dir;

    @Test
    void capturesTheWholeXvfbScreenWithTheWindowOnIt() throws Exception {
        Path xvfbRun = Peers.require("xvfb-run", "xvfb");
        String java = ProcessHandle.current().info().command().orElseThrow();
        Path png = dir.resolve("screen.png");
        Path errors = dir.resolve("child.err");
        Process child = new ProcessBuilder(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1024x768x24", java,
                "-Dprism.order=sw", "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED",
                "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
                "-cp", System.getProperty("java.class.path"), ScreenCaptureMain.class.getName(), png.toString()))
                .redirectError(errors.toFile()).start();
        String report = new String(child.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(errors)).isZero();

        assertThat(report).isEqualTo("screen 1024x768 pixel 3366cc");
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(1024);
    }
}
