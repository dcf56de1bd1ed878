package org.fr3workbench.probe.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.fr3workbench.probe.TextPattern;

/**
 * Watches a boot console (bytes as they come from the serial channel) for refusal patterns and for
 * the login prompt of a normal boot, and decides: refused (a refusal and no login prompt within the
 * confirmation window), booted normally (a login prompt and no refusal), or undecided (nothing
 * within the timeout, the console closed, or a refusal followed by a login prompt). Every line is
 * kept with the time it arrived, as evidence. Thread-safe: one thread feeds, another awaits.
 */
public final class BootConsoleWatcher {

    /** Longer "lines" (binary noise) are cut into pieces of this length. */
    public static final int MAX_LINE = 4096;
    private static final Pattern ESCAPES = Pattern.compile("\u001B(\\[[0-?]*[ -/]*[@-~]|[()][0-9A-Za-z]|[@-Z\\\\-_])");
    private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F]");

    private final BootConsolePatterns patterns;
    private final Clock clock;
    private final Duration timeout;
    private final Duration confirmWindow;
    private final Instant started;
    private final StringBuilder partial = new StringBuilder();
    private final Set<String> hitOnPartial = new HashSet<>();
    private final List<ConsoleLine> lines = new ArrayList<>();
    private final List<BootWatchResult.Hit> refusals = new ArrayList<>();
    private final List<BootWatchResult.Hit> info = new ArrayList<>();
    private Instant partialAt;
    private BootWatchResult.Hit login;
    private boolean loginAfterRefusal;
    private boolean ended;
    private BootWatchResult result;

    /**
     * @param patterns      what to look for
     * @param clock         for line times and the deadline
     * @param timeout       how long to wait for a refusal or a login prompt, from now
     * @param confirmWindow after a refusal, how long a login prompt must stay away (capped by the timeout)
     */
    public BootConsoleWatcher(BootConsolePatterns patterns, Clock clock, Duration timeout, Duration confirmWindow) {
        this.patterns = patterns;
        this.clock = clock;
        this.timeout = timeout;
        this.confirmWindow = confirmWindow;
        this.started = clock.instant();
    }

    /** Consumes console bytes. */
    public synchronized void feed(byte[] data, int offset, int length) {
        if (result != null) {
            return;
        }
        Instant now = clock.instant();
        String text = new String(data, offset, length, StandardCharsets.ISO_8859_1);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                completeLine();
            } else if (c != '\r') {
                if (partial.isEmpty()) {
                    partialAt = now;
                }
                partial.append(c);
                if (partial.length() >= MAX_LINE) {
                    completeLine();
                }
            }
        }
        if (!partial.isEmpty()) {
            match(new ConsoleLine(partialAt, clean(partial)), true);
        }
        notifyAll();
    }

    /** The console closed (the device went away, or the channel ended). */
    public synchronized void endOfStream() {
        ended = true;
        notifyAll();
    }

    /** Whether the decision is made. */
    public synchronized boolean decided() {
        return evaluate() != null;
    }

    /** The decision if it is made by now. */
    public synchronized Optional<BootWatchResult> poll() {
        return Optional.ofNullable(evaluate());
    }

    /** Waits until the decision is made; never longer than the timeout (plus scheduling). */
    public synchronized BootWatchResult await() throws InterruptedException {
        while (true) {
            BootWatchResult decision = evaluate();
            if (decision != null) {
                return decision;
            }
            Instant wake = started.plus(timeout);
            if (!refusals.isEmpty()) {
                Instant confirm = refusals.getFirst().line().at().plus(confirmWindow);
                wake = confirm.isBefore(wake) ? confirm : wake;
            }
            long millis = Math.max(1, Duration.between(clock.instant(), wake).toMillis() + 1);
            wait(millis);
        }
    }

    /**
     * Reads {@code console} on the executor until the decision is made or the stream ends, and
     * waits for the decision. The stream is not closed: its owner closes it.
     */
    public BootWatchResult watch(InputStream console, Executor executor) throws InterruptedException {
        CompletableFuture.runAsync(() -> pump(console), executor);
        return await();
    }

    private void pump(InputStream console) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while (!decided() && (n = console.read(buffer)) > 0) {
                feed(buffer, 0, n);
            }
        } catch (IOException e) {
            // a pty whose other side closed reports EIO: the console ended
        } finally {
            endOfStream();
        }
    }

    private void completeLine() {
        ConsoleLine line = new ConsoleLine(partialAt == null ? clock.instant() : partialAt, clean(partial));
        lines.add(line);
        match(line, false);
        partial.setLength(0);
        hitOnPartial.clear();
        partialAt = null;
    }

    private void match(ConsoleLine line, boolean isPartial) {
        for (TextPattern p : patterns.refusals()) {
            if (!hitOnPartial.contains(p.id()) && p.find(line.text()).isPresent()) {
                refusals.add(new BootWatchResult.Hit(p.id(), line));
                hitOnPartial.add(p.id());
            }
        }
        for (TextPattern p : patterns.login()) {
            if (login == null && p.find(line.text()).isPresent()) {
                login = new BootWatchResult.Hit(p.id(), line);
                loginAfterRefusal = !refusals.isEmpty();
            }
        }
        if (!isPartial) {
            for (TextPattern p : patterns.info()) {
                if (p.find(line.text()).isPresent()) {
                    info.add(new BootWatchResult.Hit(p.id(), line));
                }
            }
        }
    }

    private BootWatchResult evaluate() {
        if (result != null) {
            return result;
        }
        Instant now = clock.instant();
        Instant deadline = started.plus(timeout);
        if (login != null && !loginAfterRefusal) {
            return decide(BootWatchResult.Decision.BOOTED_NORMALLY, "login prompt '" + login.line().text().strip() + "' after "
                    + seconds(started, login.line().at()) + ", no refusal before it");
        }
        if (!refusals.isEmpty()) {
            String what = String.join(", ", refusals.stream().map(BootWatchResult.Hit::patternId).distinct().toList());
            if (login != null) {
                return decide(BootWatchResult.Decision.UNDECIDED, "refusal (" + what + ") and then a login prompt: the device "
                        + "may have fallen back to another image; check which one booted");
            }
            Instant confirm = refusals.getFirst().line().at().plus(confirmWindow);
            if (ended || !now.isBefore(confirm) || !now.isBefore(deadline)) {
                return decide(BootWatchResult.Decision.REFUSED, "refused: " + what + " after " + seconds(started,
                        refusals.getFirst().line().at()) + "; no login prompt followed" + (ended ? " before the console closed"
                        : " within " + seconds(refusals.getFirst().line().at(), now)));
            }
            return null;
        }
        if (ended) {
            return decide(BootWatchResult.Decision.UNDECIDED, "the console closed without a refusal or a login prompt");
        }
        if (!now.isBefore(deadline)) {
            return decide(BootWatchResult.Decision.UNDECIDED, "no refusal message and no login prompt within " + timeout.toSeconds()
                    + " s: a silent refusal or a hang; check the screen (photo)");
        }
        return null;
    }

    private BootWatchResult decide(BootWatchResult.Decision decision, String reason) {
        List<ConsoleLine> all = new ArrayList<>(lines);
        if (!partial.isEmpty()) {
            all.add(new ConsoleLine(partialAt, clean(partial)));
        }
        result = new BootWatchResult(decision, reason, started, clock.instant(), all, refusals, Optional.ofNullable(login), info);
        return result;
    }

    private static String clean(CharSequence text) {
        return CONTROLS.matcher(ESCAPES.matcher(text).replaceAll("")).replaceAll("");
    }

    private static String seconds(Instant from, Instant to) {
        return String.format("%.1f s", Duration.between(from, to).toMillis() / 1000.0);
    }
}
