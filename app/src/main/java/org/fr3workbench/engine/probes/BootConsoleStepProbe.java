package org.fr3workbench.engine.probes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.device.serial.SerialChannel;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.engine.ProbeCall;
import org.fr3workbench.engine.ProbeEvidence;
import org.fr3workbench.engine.ProbeOutcome;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.StepProbe;
import org.fr3workbench.probe.boot.BootConsolePatterns;
import org.fr3workbench.probe.boot.BootConsoleWatcher;
import org.fr3workbench.probe.boot.BootWatchResult;
import org.fr3workbench.probe.boot.ConsoleLine;

/**
 * {@code boot-console} (EDR/NDR 3.14 / RE(1)): watches the serial console while the assessor reboots the device
 * with the changed boot image ({@link BootConsoleWatcher}). Arguments: {@code case} (the refusal cases
 * {@code unsigned-kernel}, {@code unsigned-bootloader}, {@code wrong-key}, {@code forbidden-key},
 * {@code corrupt-rootfs} expect a refusal; {@code restore-boot} expects a normal boot) and {@code timeout} (seconds,
 * or {@code 90s} / {@code 3m}; default 180 s). Only a serial channel carries the boot console: over SSH the step is
 * inconclusive with the guidance to connect the serial console. The timestamped console is the evidence.
 */
public final class BootConsoleStepProbe implements StepProbe {

    /** How long the console is watched when the step gives no timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    /** After a refusal, how long a login prompt must stay away. */
    static final Duration CONFIRM_WINDOW = Duration.ofSeconds(20);
    /** The guidance when the channel is not a serial console. */
    public static final String CONNECT_SERIAL = "the boot console can only be watched over a serial connection: connect the "
            + "serial console (fr3 connect FILE serial:/dev/ttyUSB0) and run this step again, or watch the screen, "
            + "photograph the refusal and attest the step";

    private static final List<String> REFUSAL_CASES = List.of("unsigned-kernel", "unsigned-bootloader", "wrong-key",
            "forbidden-key", "corrupt-rootfs");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m)?");

    private final BootConsolePatterns patterns;
    private final Clock clock;

    public BootConsoleStepProbe(BootConsolePatterns patterns, Clock clock) {
        this.patterns = patterns;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "boot-console";
    }

    @Override
    public ProbeOutcome run(ProbeCall call, StepListener listener, Cancellation cancellation) throws InterruptedException {
        String bootCase = call.argument("case", "").strip();
        boolean expectRefusal = REFUSAL_CASES.contains(bootCase);
        if (!expectRefusal && !bootCase.equals("restore-boot")) {
            return new ProbeOutcome(StepOutcome.ERROR, "unknown boot case '" + bootCase + "'", List.of());
        }
        Optional<Duration> timeout = timeout(call.argument("timeout", ""));
        if (timeout.isEmpty()) {
            return new ProbeOutcome(StepOutcome.ERROR, "timeout must be seconds (180, 90s, 3m), found '"
                    + call.argument("timeout", "") + "'", List.of());
        }
        Optional<DeviceChannel> device = call.context().device();
        if (device.isEmpty() || !(device.get() instanceof SerialChannel serial)) {
            return new ProbeOutcome(StepOutcome.INCONCLUSIVE, CONNECT_SERIAL, List.of());
        }
        listener.message("watching the serial console for " + timeout.get().toSeconds() + " s: reboot the device now");
        BootWatchResult result;
        try (InteractiveConsole console = serial.openConsole(80, 24);
             ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor();
             Cancellation.Registration ignored = cancellation.onCancel(() -> closeQuietly(console))) {
            result = new BootConsoleWatcher(patterns, clock, timeout.get(), CONFIRM_WINDOW).watch(console.output(), reader);
        } catch (DeviceException | IOException e) {
            return new ProbeOutcome(StepOutcome.ERROR, "the serial console could not be watched: " + e.getMessage(), List.of());
        }
        if (cancellation.isCancelled()) {
            return new ProbeOutcome(StepOutcome.ERROR, "cancelled", List.of(evidence(result, bootCase)));
        }
        return new ProbeOutcome(outcome(result.decision(), expectRefusal), result.reason(), List.of(evidence(result, bootCase)));
    }

    static StepOutcome outcome(BootWatchResult.Decision decision, boolean expectRefusal) {
        return switch (decision) {
            case REFUSED -> expectRefusal ? StepOutcome.PASS : StepOutcome.FAIL;
            case BOOTED_NORMALLY -> expectRefusal ? StepOutcome.FAIL : StepOutcome.PASS;
            case UNDECIDED -> StepOutcome.INCONCLUSIVE;
        };
    }

    static Optional<Duration> timeout(String text) {
        if (text.isBlank()) {
            return Optional.of(DEFAULT_TIMEOUT);
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration duration = "m".equals(m.group(2)) ? Duration.ofMinutes(amount) : Duration.ofSeconds(amount);
        return duration.isZero() ? Optional.empty() : Optional.of(duration);
    }

    private static ProbeEvidence evidence(BootWatchResult result, String bootCase) {
        StringBuilder text = new StringBuilder("# boot console, case ").append(bootCase).append(": ")
                .append(result.decision().name().toLowerCase(java.util.Locale.ROOT)).append(" — ").append(result.reason())
                .append("\n# watched from ").append(result.started()).append(" to ").append(result.decidedAt()).append('\n');
        for (BootWatchResult.Hit hit : result.refusals()) {
            text.append("# refusal ").append(hit.patternId()).append(" at ").append(hit.line().at()).append('\n');
        }
        for (ConsoleLine line : result.lines()) {
            text.append(line.at()).append(" | ").append(line.text()).append('\n');
        }
        return new ProbeEvidence("boot-console-" + bootCase + ".txt", "text/plain; charset=utf-8",
                text.toString().getBytes(StandardCharsets.UTF_8), "Boot console (" + bootCase + "): " + result.reason(),
                EvidenceKind.CONSOLE_LOG);
    }

    private static void closeQuietly(InteractiveConsole console) {
        try {
            console.close();
        } catch (IOException e) {
            // closing ends the watch either way
        }
    }
}
