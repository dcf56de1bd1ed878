package org.fr3workbench.report.verify;

/**
 * One verification check.
 *
 * @param name    short stable name: signature, coverage, revisions, manifest, attachments, images, journal
 * @param passed  whether it held
 * @param message what was found, precise enough to act on
 */
public record Check(String name, boolean passed, String message) {

    public static Check pass(String name, String message) {
        return new Check(name, true, message);
    }

    public static Check fail(String name, String message) {
        return new Check(name, false, message);
    }
}
