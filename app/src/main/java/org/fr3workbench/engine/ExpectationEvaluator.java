package org.fr3workbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.Suggestion;

/**
 * Evaluates a command's expectations in the order they are written and suggests an outcome: the
 * first expectation that does not hold decides FAIL and is named in the reason; when all hold the
 * reason lists what was checked.
 */
public final class ExpectationEvaluator {

    /**
     * @param expectations what must hold
     * @param exitCode     the command's exit code
     * @param output       its output (stdout and stderr as recorded)
     */
    public Suggestion evaluate(List<Expectation> expectations, int exitCode, CharSequence output) {
        if (expectations.isEmpty()) {
            return new Suggestion(StepOutcome.INCONCLUSIVE, "no expectation defined: the assessor judges the output");
        }
        List<String> held = new ArrayList<>();
        for (Expectation expectation : expectations) {
            String failure = check(expectation, exitCode, output);
            if (failure != null) {
                return new Suggestion(StepOutcome.FAIL, expectation.describe() + ": " + failure);
            }
            held.add(expectation.describe());
        }
        return new Suggestion(StepOutcome.PASS, String.join("; ", held));
    }

    /** Returns why the expectation does not hold, or {@code null} when it holds. */
    private static String check(Expectation expectation, int exitCode, CharSequence output) {
        return switch (expectation) {
            case Expectation.ExitCodeIn exit -> exit.codes().contains(exitCode) ? null : "the exit code was " + exitCode;
            case Expectation.ExitCodeNotIn exit -> exit.codes().contains(exitCode) ? "the exit code was " + exitCode : null;
            case Expectation.Contains contains -> found(contains.text(), contains.regex(), output) ? null : "not found";
            case Expectation.Absent absent -> firstMatch(absent.text(), absent.regex(), output)
                    .map(match -> "found '" + abbreviate(match) + "'").orElse(null);
            case Expectation.NumberCompare compare -> compareNumber(compare, output);
            case Expectation.AllLinesAllowed allowed -> notAllowed(allowed, output);
        };
    }

    private static boolean found(String text, boolean regex, CharSequence output) {
        return firstMatch(text, regex, output).isPresent();
    }

    private static java.util.Optional<String> firstMatch(String text, boolean regex, CharSequence output) {
        if (!regex) {
            return output.toString().contains(text) ? java.util.Optional.of(text) : java.util.Optional.empty();
        }
        Matcher matcher = Pattern.compile(text, Pattern.MULTILINE).matcher(output);
        return matcher.find() ? java.util.Optional.of(matcher.group()) : java.util.Optional.empty();
    }

    private static String compareNumber(Expectation.NumberCompare compare, CharSequence output) {
        Matcher matcher = Pattern.compile(compare.pattern(), Pattern.MULTILINE).matcher(output);
        if (!matcher.find() || matcher.groupCount() < 1 || matcher.group(1) == null) {
            return "no number found";
        }
        double actual;
        try {
            actual = Double.parseDouble(matcher.group(1).trim());
        } catch (NumberFormatException e) {
            return "'" + abbreviate(matcher.group(1)) + "' is not a number";
        }
        return compare.comparison().test(actual, compare.value()) ? null : "found " + format(actual);
    }

    private static String notAllowed(Expectation.AllLinesAllowed allowed, CharSequence output) {
        Matcher matcher = Pattern.compile(allowed.linePattern(), Pattern.MULTILINE).matcher(output);
        List<String> offending = new ArrayList<>();
        int seen = 0;
        while (matcher.find()) {
            seen++;
            String value = matcher.groupCount() >= 1 && matcher.group(1) != null ? matcher.group(1).trim() : matcher.group().trim();
            if (!allowed.allowed().contains(value) && !offending.contains(value)) {
                offending.add(value);
            }
        }
        if (seen == 0) {
            return "no value found in the output";
        }
        return offending.isEmpty() ? null : "not on the list: " + String.join(", ", offending);
    }

    private static String format(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
