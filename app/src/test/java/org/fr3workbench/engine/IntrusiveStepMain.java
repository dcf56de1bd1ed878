package org.fr3workbench.engine;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;

/**
 * Child process of {@code KilledRunTest}: runs the intrusive step of {@link #step()} (it creates the flag file and
 * then blocks in {@code sleep 60}) until it is killed. Arguments: the assessment file, the flag file.
 */
public final class IntrusiveStepMain {

    private IntrusiveStepMain() {
    }

    static org.fr3workbench.domain.Step.Command step() {
        return Steps.command("tamper", org.fr3workbench.domain.StepLocation.DEVICE, true, List.of("sleep"),
                List.of(Steps.cmd("change the watched file", "touch {{flag}} && sleep 60", List.of(Steps.exit(0)))),
                List.of(Steps.cmd("restore", "rm -f {{flag}}", List.of())));
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        Path file = Path.of(args[0]);
        try (RunnerFixture fixture = new RunnerFixture(file.getParent(), List.of(), file)) {
            StepContext context = new StepContext("CR 3.4", Optional.of(fixture.laptop), fixture.laptop,
                    Map.of("flag", args[1]), "child", IntrusiveConsent.ALWAYS);
            fixture.runner.run(context, step(), new StepListener() {
                @Override
                public void commandStarted(String label, String renderedCommand) {
                    out.println("started " + label);
                }
            }, Cancellation.create());
            out.println("finished");
        }
    }
}
