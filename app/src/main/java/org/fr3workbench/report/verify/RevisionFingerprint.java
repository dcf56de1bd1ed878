package org.fr3workbench.report.verify;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;

/**
 * A hash over everything a reader sees or extracts: each page's content and XObjects, the
 * attachments and the metadata. Two revisions with equal fingerprints show the same dossier; used to
 * make sure that what follows a signature (document time-stamps) changed nothing visible.
 */
final class RevisionFingerprint {

    private RevisionFingerprint() {
    }

    static String of(PDDocument doc) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int pageNo = 0;
        for (PDPage page : doc.getPages()) {
            update(digest, "page " + pageNo++ + " " + page.getMediaBox());
            try (InputStream in = page.getContents()) {
                feed(digest, in);
            }
            PDResources resources = page.getResources();
            if (resources != null) {
                for (COSName name : resources.getXObjectNames()) {
                    PDXObject x = resources.getXObject(name);
                    update(digest, "xobject " + name.getName());
                    if (x != null) {
                        try (InputStream in = x.getCOSObject().createRawInputStream()) {
                            feed(digest, in);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, PDComplexFileSpecification> e : EvidenceVerifier.attachments(doc).entrySet()) {
            update(digest, "file " + e.getKey());
            if (e.getValue().getEmbeddedFile() != null) {
                try (InputStream in = e.getValue().getEmbeddedFile().getCOSObject().createRawInputStream()) {
                    feed(digest, in);
                }
            }
        }
        PDMetadata metadata = doc.getDocumentCatalog().getMetadata();
        if (metadata != null) {
            try (InputStream in = metadata.createInputStream()) {
                feed(digest, in);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void feed(MessageDigest digest, InputStream in) throws IOException {
        byte[] buffer = new byte[128 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
        }
    }
}
