package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which arguments open the window without the full command line, and which go to picocli. */
class GuiLaunchTest {

    @TempDir
    Path dir;

    @Test
    void windowStartsAreRecognised() throws Exception {
        Path file = Files.writeString(dir.resolve("a.fr3"), "x");
        assertThat(GuiLaunch.parse(List.of())).contains(new GuiLaunch.Request(Optional.empty(), false));
        assertThat(GuiLaunch.parse(List.of(file.toString()))).contains(new GuiLaunch.Request(Optional.of(file), false));
        assertThat(GuiLaunch.parse(List.of("gui", "--smoke-test"))).contains(new GuiLaunch.Request(Optional.empty(), true));
        assertThat(GuiLaunch.parse(List.of("gui", file.toString(), "--smoke-test")))
                .contains(new GuiLaunch.Request(Optional.of(file), true));
    }

    @Test
    void everythingElseGoesToTheCommandLine() {
        Path missing = dir.resolve("missing.fr3");
        assertThat(GuiLaunch.parse(List.of(missing.toString()))).as("a missing file gets the command line's error").isEmpty();
        assertThat(GuiLaunch.parse(List.of("gui", missing.toString()))).isEmpty();
        assertThat(GuiLaunch.parse(List.of("gui", "--help"))).isEmpty();
        assertThat(GuiLaunch.parse(List.of("gui", "--smoke-test", "--smoke-test"))).isEmpty();
        assertThat(GuiLaunch.parse(List.of("--version"))).isEmpty();
        assertThat(GuiLaunch.parse(List.of("status", "x.fr3"))).isEmpty();
    }
}
