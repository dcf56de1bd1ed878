package org.fr3workbench.report.sign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.fr3workbench.report.pdf.PdfA;

/**
 * Signs a PDF with PAdES (ETSI.CAdES.detached) as an incremental update: B-B, or B-T when a
 * time-stamp authority is given. The bytes PDFBox hands over are streamed into the CMS digest, and
 * only the update is written (appended to the file), not a copy of the whole file.
 */
public final class PadesSigner {

    /** ETSI EN 319 142 sub-filter for CAdES-based PAdES signatures. */
    public static final COSName CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final int SIGNATURE_SIZE = 24 * 1024;

    /**
     * Where the visible block goes.
     *
     * @param pageIndex zero-based page
     * @param rect      rectangle on that page
     */
    public record Placement(int pageIndex, PDRectangle rect) {
    }

    /** Signs {@code file} in place: the signature is appended to it as an incremental update. */
    public void sign(Path file, SigningKey key, SigningRequest request, Instant signingTime,
                     Optional<Placement> placement) throws IOException {
        Optional<TimeStampClient> tsa = request.tsa().map(TimeStampClient::new);
        CadesSigner cades = new CadesSigner(key, tsa);
        long length = Files.size(file);
        byte[] update;
        try (PDDocument doc = Loader.loadPDF(file.toFile(), IOUtils.createMemoryOnlyStreamCache());
             SignatureOptions options = new SignatureOptions()) {
            X509Certificate cert = key.certificate();
            String signer = Certificates.commonName(cert);
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(CADES_DETACHED);
            signature.setName(signer);
            signature.setReason(request.reason());
            signature.setLocation(request.location());
            signature.setSignDate(PdfA.calendar(signingTime));
            options.setPreferredSignatureSize(SIGNATURE_SIZE + (tsa.isPresent() ? 16 * 1024 : 0)
                    + key.chain().size() * 4096);
            if (placement.isPresent()) {
                Placement p = placement.get();
                PDRectangle pageSize = doc.getPage(p.pageIndex()).getMediaBox();
                options.setVisualSignature(new ByteArrayInputStream(SignatureAppearance.template(pageSize, p.rect(),
                        "Digitally signed by " + signer, lines(cert, request, signingTime, tsa.isPresent()))));
                options.setPage(p.pageIndex());
            }
            doc.addSignature(signature, cades::sign, options);
            update = IncrementalSave.update(doc, length);
        }
        IncrementalSave.append(file, update);
    }

    private static List<String> lines(X509Certificate cert, SigningRequest request, Instant time, boolean timeStamped) {
        List<String> lines = new ArrayList<>();
        lines.add("Date: " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                .format(time.atOffset(ZoneOffset.UTC)) + (timeStamped ? " (time-stamped)" : " (claimed)"));
        if (!request.reason().isBlank()) {
            lines.add("Reason: " + request.reason());
        }
        if (!request.location().isBlank()) {
            lines.add("Location: " + request.location());
        }
        lines.add(Certificates.isSelfSigned(cert)
                ? "Certificate: self-signed (identity not confirmed by a CA)"
                : "Certificate issued by " + Certificates.commonName(cert.getIssuerX500Principal()));
        lines.add("PAdES " + (timeStamped ? "B-T" : "B-B") + ", SHA-256, serial " + cert.getSerialNumber().toString(16));
        return lines;
    }
}
