package org.fr3workbench.probe.tls;

import java.util.List;

/** What one ClientHello got back. */
public sealed interface ProbeOutcome {

    /**
     * The server answered with a ServerHello or HelloRetryRequest.
     *
     * @param hello the parsed hello
     * @param certificates DER certificates (TLS 1.2 and older, when the flight was read)
     * @param keyExchange ServerKeyExchange facts, or null
     * @param problem what went wrong after the hello (an alert, a malformed later message), or null
     */
    record Answered(ServerHello hello, List<byte[]> certificates, ServerKeyExchange keyExchange, String problem)
            implements ProbeOutcome {
        public Answered {
            certificates = List.copyOf(certificates);
        }
    }

    /**
     * The server refused: an alert, or the connection closed before any answer.
     *
     * @param alert the alert description, or -1 when the server closed without an alert
     */
    record Refused(int alert) implements ProbeOutcome {
        /** A readable reason. */
        public String reason() {
            return alert < 0 ? "closed the connection without answering" : "alert " + TlsNames.alert(alert);
        }
    }

    /**
     * The probe could not be judged: timeout, garbage, an oversized record, or a broken connection.
     *
     * @param kind what went wrong
     * @param message a readable explanation
     */
    record Failed(Kind kind, String message) implements ProbeOutcome {
    }

    /** Why a probe failed. */
    enum Kind {
        CONNECT, TIMEOUT, NOT_TLS, OVERSIZED, MALFORMED, IO
    }
}
