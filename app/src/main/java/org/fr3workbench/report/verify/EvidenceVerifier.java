package org.fr3workbench.report.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Checks the evidence against the embedded manifest: every attachment hashes to its manifest entry,
 * every picture shown is the image data recorded for its source file, and the journal head.
 */
final class EvidenceVerifier {

    static final String MANIFEST = "manifest.json";

    /** The checks and what the manifest said. */
    record Outcome(List<Check> checks, Optional<String> journalHead, int evidence) {
    }

    Outcome verify(PDDocument doc, Optional<String> expectedJournalHead) throws IOException {
        List<Check> checks = new ArrayList<>();
        Map<String, PDComplexFileSpecification> files = attachments(doc);
        PDComplexFileSpecification manifestSpec = files.get(MANIFEST);
        if (manifestSpec == null || manifestSpec.getEmbeddedFile() == null) {
            checks.add(Check.fail("manifest", "no " + MANIFEST + " attachment: this is not an FR3 dossier or it was altered"));
            return new Outcome(checks, Optional.empty(), 0);
        }
        JsonNode manifest;
        try (InputStream in = manifestSpec.getEmbeddedFile().createInputStream()) {
            manifest = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            checks.add(Check.fail("manifest", MANIFEST + " is not valid JSON: " + e.getMessage()));
            return new Outcome(checks, Optional.empty(), 0);
        }
        if (!"fr3-dossier-manifest".equals(manifest.path("format").asText())) {
            checks.add(Check.fail("manifest", MANIFEST + " has format '" + manifest.path("format").asText()
                    + "', expected 'fr3-dossier-manifest'"));
            return new Outcome(checks, Optional.empty(), 0);
        }
        checks.add(Check.pass("manifest", MANIFEST + " lists " + manifest.path("evidence").size() + " evidence item(s)"));
        Optional<String> head = Optional.ofNullable(manifest.path("journalHead").textValue());
        checks.add(attachmentsCheck(manifest, files));
        checks.add(imagesCheck(doc, manifest));
        if (expectedJournalHead.isPresent()) {
            String expected = expectedJournalHead.get().trim().toLowerCase(java.util.Locale.ROOT);
            checks.add(head.map(h -> h.equalsIgnoreCase(expected)).orElse(false)
                    ? Check.pass("journal", "journal head matches " + expected)
                    : Check.fail("journal", "journal head in the dossier is " + head.orElse("(none)") + ", expected " + expected));
        }
        return new Outcome(checks, head, manifest.path("evidence").size());
    }

    private Check attachmentsCheck(JsonNode manifest, Map<String, PDComplexFileSpecification> files) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        listed.add(MANIFEST);
        for (JsonNode e : manifest.path("evidence")) {
            String id = e.path("id").asText();
            String name = e.path("attachment").asText();
            listed.add(name);
            PDComplexFileSpecification spec = files.get(name);
            PDEmbeddedFile file = spec == null ? null : spec.getEmbeddedFile();
            if (file == null) {
                problems.add(id + ": attachment '" + name + "' is missing");
                continue;
            }
            long[] size = new long[1];
            String actual;
            try (InputStream in = file.createInputStream()) {
                actual = HexFormat.of().formatHex(SignatureVerifier.sha256(new CountingInput(in, size)));
            }
            if (!actual.equals(e.path("sha256").asText())) {
                problems.add(id + ": attachment '" + name + "' has SHA-256 " + actual + ", the manifest says "
                        + e.path("sha256").asText());
            } else if (size[0] != e.path("size").asLong()) {
                problems.add(id + ": attachment '" + name + "' has " + size[0] + " bytes, the manifest says " + e.path("size").asLong());
            }
        }
        JsonNode assessmentFile = manifest.path("assessmentFile");
        if (assessmentFile.isObject()) {
            listed.add(assessmentFile.path("attachment").asText());
        }
        for (String name : files.keySet()) {
            if (!listed.contains(name)) {
                problems.add("attachment '" + name + "' is not in the manifest");
            }
        }
        return problems.isEmpty()
                ? Check.pass("attachments", "all " + manifest.path("evidence").size() + " evidence attachment(s) match their SHA-256")
                : Check.fail("attachments", String.join("; ", problems));
    }

    private Check imagesCheck(PDDocument doc, JsonNode manifest) throws IOException {
        Map<String, JsonNode> byAttachment = new HashMap<>();
        for (JsonNode e : manifest.path("evidence")) {
            if (e.hasNonNull("imageStreamSha256")) {
                byAttachment.put(e.path("attachment").asText(), e);
            }
        }
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int pageNo = 0;
        for (PDPage page : doc.getPages()) {
            pageNo++;
            PDResources resources = page.getResources();
            if (resources == null) {
                continue;
            }
            for (COSName name : resources.getXObjectNames()) {
                PDXObject x = resources.getXObject(name);
                if (!(x instanceof PDImageXObject image)) {
                    continue;
                }
                String source = sourceName(image.getCOSObject());
                if (source == null) {
                    continue;
                }
                JsonNode entry = byAttachment.get(source);
                if (entry == null) {
                    problems.add("page " + pageNo + ": a picture claims source '" + source + "', which the manifest does not list");
                    continue;
                }
                seen.add(source);
                String actual;
                try (InputStream in = image.getCOSObject().createRawInputStream()) {
                    actual = HexFormat.of().formatHex(SignatureVerifier.sha256(in));
                }
                if (!actual.equals(entry.path("imageStreamSha256").asText())) {
                    problems.add("page " + pageNo + ": the picture of " + entry.path("id").asText()
                            + " is not the recorded image data (swapped or altered)");
                }
            }
        }
        for (Map.Entry<String, JsonNode> e : byAttachment.entrySet()) {
            if (!seen.contains(e.getKey())) {
                problems.add("the picture of " + e.getValue().path("id").asText() + " is missing from the pages");
            }
        }
        return problems.isEmpty()
                ? Check.pass("images", byAttachment.size() + " picture(s) shown are the recorded image data")
                : Check.fail("images", String.join("; ", problems));
    }

    private static String sourceName(COSDictionary image) {
        COSArray af = image.getCOSArray(COSName.getPDFName("AF"));
        if (af == null || af.size() == 0) {
            return null;
        }
        COSBase first = af.getObject(0);
        if (first instanceof COSDictionary spec) {
            return new PDComplexFileSpecification(spec).getFilename();
        }
        return null;
    }

    static Map<String, PDComplexFileSpecification> attachments(PDDocument doc) throws IOException {
        Map<String, PDComplexFileSpecification> all = new LinkedHashMap<>();
        if (doc.getDocumentCatalog().getNames() == null) {
            return all;
        }
        PDEmbeddedFilesNameTreeNode root = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
        if (root != null) {
            collect(root, all);
        }
        return all;
    }

    private static void collect(PDNameTreeNode<PDComplexFileSpecification> node,
                                Map<String, PDComplexFileSpecification> all) throws IOException {
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null) {
            all.putAll(names);
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                collect(kid, all);
            }
        }
    }

    /** Counts bytes read. */
    private static final class CountingInput extends java.io.FilterInputStream {
        private final long[] count;

        CountingInput(InputStream in, long[] count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count[0] += n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count[0]++;
            }
            return b;
        }
    }
}
