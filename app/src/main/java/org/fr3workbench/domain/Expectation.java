package org.fr3workbench.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a command's result must show for the step to pass. */
public sealed interface Expectation {

    /** A short description for the assessor ("exit code in {0}"). */
    String describe();

    /** The exit code must be one of these. */
    record ExitCodeIn(Set<Integer> codes) implements Expectation {
        public ExitCodeIn {
            codes = Set.copyOf(codes);
        }

        @Override
        public String describe() {
            return "exit code in " + codes.stream().sorted().toList();
        }
    }

    /** The exit code must not be one of these (a refusal: "the unprivileged write fails"). */
    record ExitCodeNotIn(Set<Integer> codes) implements Expectation {
        public ExitCodeNotIn {
            codes = Set.copyOf(codes);
        }

        @Override
        public String describe() {
            return "exit code not in " + codes.stream().sorted().toList();
        }
    }

    /** The output must contain this text (literal) or match it (regular expression). */
    record Contains(String text, boolean regex) implements Expectation {
        public Contains {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return (regex ? "output matches /" + text + "/" : "output contains '" + text + "'");
        }
    }

    /** The output must not contain this text (literal) or match it (regular expression). */
    record Absent(String text, boolean regex) implements Expectation {
        public Absent {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String describe() {
            return (regex ? "output does not match /" + text + "/" : "output does not contain '" + text + "'");
        }
    }

    /** A number captured by group 1 of a regular expression compared with a value. */
    record NumberCompare(String pattern, Comparison comparison, double value) implements Expectation {
        public NumberCompare {
            Objects.requireNonNull(pattern, "pattern");
            Objects.requireNonNull(comparison, "comparison");
        }

        @Override
        public String describe() {
            return "number from /" + pattern + "/ " + comparison.symbol() + " " + format(value);
        }

        static String format(double number) {
            return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
        }
    }

    /** Every line matching {@code linePattern} must have its group 1 in the allowed list. */
    record AllLinesAllowed(String linePattern, List<String> allowed, String listName) implements Expectation {
        public AllLinesAllowed {
            Objects.requireNonNull(linePattern, "linePattern");
            allowed = List.copyOf(allowed);
            Objects.requireNonNull(listName, "listName");
        }

        @Override
        public String describe() {
            return "every value is on the " + listName;
        }
    }

    /** Numeric comparison operators. */
    enum Comparison {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean test(double left, double right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case LE -> left <= right;
                case GT -> left > right;
                case GE -> left >= right;
            };
        }
    }
}
