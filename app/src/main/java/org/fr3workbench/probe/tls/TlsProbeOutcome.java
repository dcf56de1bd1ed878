package org.fr3workbench.probe.tls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;

/**
 * What a TLS scan probe returns: the judged result and its two evidence renderings.
 *
 * @param result    the judged scan result
 * @param jsonBytes the result as JSON, UTF-8, schema of {@code fr3 tls-scan --json} (docs/tls-scanner.md)
 * @param tableText the readable fixed-width table ({@link TlsScanTable})
 * @param passed    whether every finding passed
 * @param reason    one line saying why it passed or failed
 * @param source    how the endpoint was reached: {@code direct} or the tunnel's channel, e.g. {@code ssh root@192.0.2.7:22}
 */
public record TlsProbeOutcome(TlsScanResult result, byte[] jsonBytes, String tableText, boolean passed, String reason,
                              String source) {

    /** Media type of the JSON item. */
    public static final String JSON_MEDIA_TYPE = "application/json";
    /** Media type of the table item. */
    public static final String TABLE_MEDIA_TYPE = "text/plain; charset=utf-8";

    public TlsProbeOutcome {
        Objects.requireNonNull(result, "result");
        jsonBytes = jsonBytes.clone();
        Objects.requireNonNull(tableText, "tableText");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public byte[] jsonBytes() {
        return jsonBytes.clone();
    }

    /** The table as UTF-8 bytes, as stored. */
    public byte[] tableBytes() {
        return tableText.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One evidence item: its description and content.
     *
     * @param evidence the description for the store
     * @param content  the bytes to store
     */
    public record Item(NewEvidence evidence, byte[] content) {
        public Item {
            Objects.requireNonNull(evidence, "evidence");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }

    /**
     * The two evidence items for a requirement: the JSON ({@code structured-result}) and the table
     * ({@code transcript}), captured at the scan's start time.
     *
     * @param requirementId the requirement they support, e.g. {@code CR 3.1}
     */
    public List<Item> evidence(String requirementId) {
        String base = "tls-scan-" + result.target().replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
        String caption = "TLS scan of " + result.target() + " against " + policyName() + ": " + reason;
        String from = "fr3 tls-scan " + result.target() + ("direct".equals(source) ? "" : " through " + source);
        return List.of(
                new Item(NewEvidence.of(EvidenceKind.STRUCTURED_RESULT, requirementId, base + ".json", JSON_MEDIA_TYPE,
                        caption, from, result.startedAt()), jsonBytes),
                new Item(NewEvidence.of(EvidenceKind.TRANSCRIPT, requirementId, base + ".txt", TABLE_MEDIA_TYPE,
                        caption, from, result.startedAt()), tableBytes()));
    }

    private String policyName() {
        TlsScanResult.PolicyRef policy = result.policy();
        return policy == null ? "no policy" : policy.id() + " " + policy.version();
    }
}
