package org.fr3workbench.report;

import java.awt.Color;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.OverallResult;
import org.fr3workbench.report.model.VerdictKind;

/** How values read in the dossier: times in UTC, sizes, verdict and outcome colours. */
final class Format {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String seconds(Instant instant) {
        return SECONDS.format(instant);
    }

    static String time(Optional<Instant> instant, String otherwise) {
        return instant.map(Format::time).orElse(otherwise);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    static Color color(VerdictKind kind) {
        return switch (kind) {
            case MET -> Theme.GREEN;
            case NOT_MET -> Theme.RED;
            case NOT_APPLICABLE -> Theme.GREY;
            case NOT_ASSESSED -> Theme.AMBER;
        };
    }

    static Color color(OverallResult result) {
        return switch (result) {
            case PASSED -> Theme.GREEN;
            case FAILED -> Theme.RED;
            case INCOMPLETE -> Theme.AMBER;
        };
    }

    static Color color(Optional<StepOutcome> outcome) {
        if (outcome.isEmpty()) {
            return Theme.GREY;
        }
        return switch (outcome.get()) {
            case PASS -> Theme.GREEN;
            case FAIL -> Theme.RED;
            case INCONCLUSIVE -> Theme.AMBER;
            case ERROR -> Theme.RED;
            case SKIPPED -> Theme.GREY;
        };
    }

    static String label(Optional<StepOutcome> outcome) {
        return outcome.map(o -> switch (o) {
            case PASS -> "Pass";
            case FAIL -> "Fail";
            case INCONCLUSIVE -> "Inconclusive";
            case ERROR -> "Error";
            case SKIPPED -> "Skipped";
        }).orElse("Not run");
    }

    /** A SHA-256 split in two halves for narrow columns. */
    static String hashTwoLines(String hex) {
        return hex.length() == 64 ? hex.substring(0, 32) + "\n" + hex.substring(32) : hex;
    }
}
