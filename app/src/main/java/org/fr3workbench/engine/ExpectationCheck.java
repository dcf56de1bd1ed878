package org.fr3workbench.engine;

/**
 * One expectation of a command, checked.
 *
 * @param expectation what was expected ("exit code in [0]")
 * @param held        whether it held
 * @param observed    what was seen when it did not hold ("the exit code was 1"), else "held"
 */
public record ExpectationCheck(String expectation, boolean held, String observed) {
}
