package org.fr3workbench.probe.tls;

/**
 * One policy verdict.
 *
 * @param rule the rule it came from, e.g. {@code suite.allowed}
 * @param result pass or fail
 * @param subject what was judged, e.g. {@code TLSv1.2 TLS_RSA_WITH_AES_128_CBC_SHA}
 * @param message a readable explanation
 */
public record Finding(String rule, Result result, String subject, String message) {

    /** A verdict. */
    public enum Result {
        PASS, FAIL;

        /** Lower-case form used in JSON. */
        public String json() {
            return this == PASS ? "pass" : "fail";
        }
    }

    public static Finding pass(String rule, String subject, String message) {
        return new Finding(rule, Result.PASS, subject, message);
    }

    public static Finding fail(String rule, String subject, String message) {
        return new Finding(rule, Result.FAIL, subject, message);
    }
}
