package org.fr3workbench.report.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Adds a document time-stamp (ETSI.RFC3161, /Type /DocTimeStamp) to an existing dossier as an
 * incremental update, so that a signature can be shown to have existed at a time, e.g. before its
 * certificate expired.
 */
public final class DocumentTimeStamper {

    /**
     * Writes {@code source} with a document time-stamp appended to {@code target} (which may be the
     * same file). The result appears only when complete: it is written beside the target and moved.
     */
    public void stamp(Path source, Path target, URI tsa) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path part = Files.createTempFile(dir, ".fr3-timestamp-", ".pdf.part");
        try {
            Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
            stampInPlace(part, tsa);
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Appends a document time-stamp to {@code file} itself. */
    public void stampInPlace(Path file, URI tsa) throws IOException {
        TimeStampClient client = new TimeStampClient(tsa);
        long length = Files.size(file);
        byte[] update;
        try (PDDocument doc = Loader.loadPDF(file.toFile(), IOUtils.createMemoryOnlyStreamCache());
             SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setType(COSName.DOC_TIME_STAMP);
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            options.setPreferredSignatureSize(20 * 1024);
            doc.addSignature(signature, content -> client.timeStamp(digest(content)).getEncoded(), options);
            update = IncrementalSave.update(doc, length);
        }
        IncrementalSave.append(file, update);
    }

    private static byte[] digest(InputStream content) throws IOException {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (DigestInputStream in = new DigestInputStream(content, sha256)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
