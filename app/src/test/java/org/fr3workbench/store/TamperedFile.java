package org.fr3workbench.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.VerdictDecision;

/**
 * A small but complete assessment file to tamper with, with known numbering:
 * <pre>
 * journal 1 assessment.create    journal 5 step.start (run 1)          journal 8 evidence.add 3 (transcript 'dmesg')
 * journal 2 verdict.set 1 CR 3.1 journal 6 evidence.add 1 (transcript)  journal 9 hostkey.pin
 * journal 3 verdict.set 2 CR 3.1 journal 7 evidence.add 2 (screenshot   journal 10 verdict.set 3 CR 3.4 (not applicable)
 * journal 4 target.set                      'login.png', 3 chunks)
 * journal 12 parameter.set aide-config   journal 13 parameter.clear aide-config   journal 14 parameter.set update-image
 * </pre>
 */
final class TamperedFile {

    /** The size of 'login.png': two full chunks and a part. */
    static final int SCREENSHOT_SIZE = 2 * EvidenceStore.CHUNK_SIZE + 1234;

    private TamperedFile() {
    }

    static void build(Path file) throws Exception {
        try (AssessmentStore store = StoreFixture.create(file)) {
            store.verdicts().set("CR 3.1", VerdictDecision.NOT_MET, "TLS 1.0 still offered on port 8443", "Alice");
            store.verdicts().set("CR 3.1", VerdictDecision.MET, "TLS 1.0 disabled in firmware 4.2.2", "Alice");
            store.setTarget(new org.fr3workbench.domain.TargetIdentity("ssh://root@192.0.2.7", "SHA256:k", "CIP", "SN-7"), "Alice");
            StepRun run = store.stepRuns().start("CR 3.1", "tls-scan", "Alice");
            StoreFixture.addText(store, "CR 3.1", EvidenceKind.TRANSCRIPT, "sslscan 192.0.2.7:443", "TLSv1.3 enabled");
            byte[] png = new byte[SCREENSHOT_SIZE];
            new java.util.Random(41).nextBytes(png);
            store.evidence().add(new NewEvidence(EvidenceKind.SCREENSHOT, "CR 3.1", java.util.Optional.of(run.id()),
                    "login.png", "image/png", "login page served over TLS 1.3", "screen", Instant.parse("2026-11-27T10:05:00Z")),
                    new ByteArrayInputStream(png), "Alice", ProgressMonitor.NONE);
            StoreFixture.addText(store, "CR 3.4", EvidenceKind.TRANSCRIPT, "dmesg", "EXT4-fs (mmcblk0p2): mounted");
            store.stepRuns().finish(run.id(), StepOutcome.PASS, "", "Alice");
            store.hostKeyPins().pin("192.0.2.7", 22, "ssh-ed25519", "SHA256:k", "Alice");
            store.verdicts().set("CR 3.4", VerdictDecision.NOT_APPLICABLE, "no software update on this product", "Bob");
            store.parameters().set("aide-config", "/etc/aide/aide-product.conf", "Alice");
            store.parameters().clear("aide-config", "Alice");
            store.parameters().set("update-image", "/home/alice/images/valid.swu", "Alice");
        }
    }

    /** Flips one byte of a stored chunk through SQL. */
    static void flipChunkByte(Path file, long evidenceId, int seq, int offset) throws SQLException {
        try (Connection c = StoreFixture.raw(file)) {
            byte[] data;
            try (PreparedStatement s = c.prepareStatement("SELECT data FROM evidence_chunk WHERE evidence_id = ? AND seq = ?")) {
                s.setLong(1, evidenceId);
                s.setInt(2, seq);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    data = rs.getBytes(1);
                }
            }
            data[offset] ^= 0x01;
            try (PreparedStatement u = c.prepareStatement("UPDATE evidence_chunk SET data = ? WHERE evidence_id = ? AND seq = ?")) {
                u.setBytes(1, data);
                u.setLong(2, evidenceId);
                u.setInt(3, seq);
                u.executeUpdate();
            }
        }
    }

    static String hex(byte[] bytes) throws IOException {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
