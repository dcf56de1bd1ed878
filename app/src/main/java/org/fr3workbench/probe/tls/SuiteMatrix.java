package org.fr3workbench.probe.tls;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A scan result arranged as a protocol x suite matrix for a view: one row per suite that any protocol
 * accepted, one column per protocol, each cell coloured by the policy.
 *
 * @param protocols column headers (protocol names, oldest first)
 * @param rows one row per accepted suite
 */
public record SuiteMatrix(List<String> protocols, List<Row> rows) {

    /** What a cell shows. */
    public enum Cell {
        /** Not accepted with this protocol. */
        NONE,
        /** Accepted and allowed by the policy. */
        PASS,
        /** Accepted and not allowed by the policy. */
        FAIL
    }

    /**
     * One suite across all protocols.
     *
     * @param suite the IANA name
     * @param cells one cell per entry of {@link SuiteMatrix#protocols()}
     */
    public record Row(String suite, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public SuiteMatrix {
        protocols = List.copyOf(protocols);
        rows = List.copyOf(rows);
    }

    /** Builds the matrix from a judged result (findings of rule {@code suite.allowed}). */
    public static SuiteMatrix of(TlsScanResult result) {
        List<String> protocols = result.protocols().stream().map(ProtocolResult::name).toList();
        Set<String> suites = new LinkedHashSet<>();
        result.protocols().reversed().forEach(p -> suites.addAll(p.accepted()));
        List<Row> rows = new ArrayList<>();
        for (String suite : suites) {
            List<Cell> cells = new ArrayList<>();
            for (ProtocolResult protocol : result.protocols()) {
                cells.add(cell(result, protocol, suite));
            }
            rows.add(new Row(suite, cells));
        }
        return new SuiteMatrix(protocols, rows);
    }

    private static Cell cell(TlsScanResult result, ProtocolResult protocol, String suite) {
        if (!protocol.accepted().contains(suite)) {
            return Cell.NONE;
        }
        String subject = protocol.name() + " " + suite;
        return result.findings().stream()
                .filter(f -> f.rule().equals(PolicyEvaluator.SUITE_ALLOWED) && f.subject().equals(subject))
                .anyMatch(f -> f.result() == Finding.Result.FAIL) ? Cell.FAIL : Cell.PASS;
    }
}
