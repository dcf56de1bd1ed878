package org.fr3workbench.tools;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import javax.imageio.ImageIO;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;

/** A small, realistic assessment file for screenshots and demonstrations. */
public final class SampleAssessment {

    private static final String ASSESSOR = "Dana Assessor";

    private SampleAssessment() {
    }

    /** Creates {@code dir/acme-gateway.fr3} with verdicts, transcripts, a screenshot and a note. */
    public static Path create(Path dir, Catalog catalog) throws Exception {
        Path file = dir.resolve("acme-gateway.fr3");
        AssessmentInfo info = AssessmentInfo.of("Acme Gateway GW-500", ComponentType.EDR, SecurityLevel.SL2, ASSESSOR,
                catalog.version()).withFirmwareVersion("4.2.1").withOrganization("Example Test Lab");
        try (AssessmentStore store = new AssessmentFiles(Clock.systemUTC()).create(file, info, ASSESSOR)) {
            text(store, "CR 3.4", "aide-check-clean.txt", "$ aide -c /etc/aide/aide.conf -C\n"
                    + "Start timestamp: 2026-11-27 09:41:12 +0000 (AIDE 0.18.3)\n"
                    + "AIDE found NO differences between database and filesystem. Looks okay!!\n");
            text(store, "CR 3.4", "aide-check-tampered.txt", "$ chmod 0777 /root/testapp/test.conf\n"
                    + "$ aide -c /etc/aide/aide.conf -C\n"
                    + "AIDE found differences between database and filesystem!!\n"
                    + "Summary:\n  Total number of entries:\t31245\n  Added entries:\t\t0\n  Removed entries:\t\t0\n"
                    + "  Changed entries:\t\t1\n\nf   ...    .C... : /root/testapp/test.conf\n");
            store.evidence().add(NewEvidence.of(EvidenceKind.SCREENSHOT, "CR 3.4", "aide-report.png", "image/png",
                    "AIDE report on the device console", "serial console", Instant.now()),
                    new ByteArrayInputStream(screenshot()), ASSESSOR, ProgressMonitor.NONE);
            store.evidence().addNote("CR 3.4", "policy review", "The AIDE policy covers /usr, /etc and the product's "
                    + "application under /opt/acme; the database is owned by root, mode 0600.", ASSESSOR);
            store.verdicts().set("CR 3.1", VerdictDecision.MET, "TLS 1.3 and TLS 1.2 only, BSI suites.", ASSESSOR);
            store.verdicts().set("CR 3.4", VerdictDecision.MET, "A changed watched file is reported by AIDE.", ASSESSOR);
            store.verdicts().set("CR 3.7", VerdictDecision.NOT_MET, "The web login logs the attempted password.", ASSESSOR);
            store.verdicts().set("EDR 3.2", VerdictDecision.NOT_APPLICABLE, "No third-party code can be installed.", ASSESSOR);
        }
        return file;
    }

    private static void text(AssessmentStore store, String requirement, String name, String content) throws Exception {
        store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, requirement, name, "text/plain; charset=utf-8", "",
                "ssh root@gw500.lab", Instant.now()), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                ASSESSOR, ProgressMonitor.NONE);
    }

    private static byte[] screenshot() throws Exception {
        BufferedImage image = new BufferedImage(960, 600, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(24, 24, 24));
        g.fillRect(0, 0, 960, 600);
        g.setColor(new Color(200, 230, 200));
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 18));
        String[] lines = {"Last login: Fri Nov 27 09:38:02 2026 from 192.0.2.41",
            "root@gw500:~# aide -c /etc/aide/aide.conf -C", "AIDE found differences between database and filesystem!!",
            "", "Changed entries:", "f   ...    .C... : /root/testapp/test.conf", "root@gw500:~# "};
        for (int i = 0; i < lines.length; i++) {
            g.drawString(lines[i], 24, 48 + i * 28);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
