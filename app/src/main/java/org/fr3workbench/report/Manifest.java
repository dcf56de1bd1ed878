package org.fr3workbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.RequirementRecord;

/**
 * The machine-readable evidence manifest embedded in every dossier as {@value #FILE_NAME} (format
 * in docs/dossier.md). It is covered by the signature, so a verifier can trust it to check each
 * attachment and each displayed image.
 */
public final class Manifest {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "fr3-dossier-manifest";
    public static final int VERSION = 1;

    /**
     * One embedded evidence item.
     *
     * @param item              the evidence
     * @param attachment        its file name in the PDF
     * @param imageStreamSha256 hex SHA-256 of the encoded image stream shown on a page, or null
     */
    public record Entry(EvidenceItem item, String attachment, String imageStreamSha256) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private Map<String, Object> assessmentFile;

    void assessmentFile(String attachment, String sha256, long size) {
        assessmentFile = new LinkedHashMap<>();
        assessmentFile.put("attachment", attachment);
        assessmentFile.put("sha256", sha256);
        assessmentFile.put("size", size);
    }

    void add(Entry entry) {
        entries.add(entry);
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    byte[] toJson(DossierInput input, Instant generatedAt, String generator) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("assessmentId", input.assessment().assessmentId());
        root.put("product", input.assessment().product());
        root.put("firmware", input.assessment().firmware());
        root.put("catalogVersion", input.assessment().catalogVersion());
        root.put("generatedAt", generatedAt.toString());
        root.put("generator", generator);
        root.put("journalHead", input.journalHead());
        List<Map<String, Object>> requirements = new ArrayList<>();
        for (RequirementRecord r : input.requirements()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("verdict", JsonExport.token(r.verdict().kind().name()));
            requirements.add(m);
        }
        root.put("requirements", requirements);
        List<Map<String, Object>> evidence = new ArrayList<>();
        for (Entry e : entries) {
            EvidenceItem item = e.item();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", item.id());
            m.put("kind", item.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            m.put("name", item.name());
            m.put("mediaType", item.mediaType());
            m.put("caption", item.caption());
            m.put("capturedAt", item.capturedAt().toString());
            m.put("size", item.size());
            m.put("sha256", item.sha256());
            m.put("attachment", e.attachment());
            m.put("requirement", item.requirementId());
            m.put("step", item.stepId());
            if (e.imageStreamSha256() != null) {
                m.put("imageStreamSha256", e.imageStreamSha256());
            }
            evidence.add(m);
        }
        root.put("evidence", evidence);
        if (assessmentFile != null) {
            root.put("assessmentFile", assessmentFile);
        }
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(root);
    }
}
