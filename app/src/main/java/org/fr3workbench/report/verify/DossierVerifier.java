package org.fr3workbench.report.verify;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Verifies a dossier offline: the assessor's signature is valid and, together with any document
 * time-stamps after it, covers the whole file; every evidence attachment hashes to its manifest
 * entry; every picture shown is the recorded image data; and, when given, the journal head matches.
 */
public final class DossierVerifier {

    private static final String CADES = "ETSI.CAdES.detached";
    private static final String RFC3161 = "ETSI.RFC3161";

    /**
     * @param expectedJournalHead the journal head of the assessment file, when the caller has it
     * @throws NotAPdfException when the file is not a PDF at all
     */
    public VerificationResult verify(Path pdf, Optional<String> expectedJournalHead) throws IOException {
        requirePdfHeader(pdf);
        long length = Files.size(pdf);
        PDDocument doc;
        try {
            doc = Loader.loadPDF(pdf.toFile(), IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException e) {
            throw new NotAPdfException(pdf + " cannot be read as PDF: " + e.getMessage(), e);
        }
        try (doc) {
            List<Check> checks = new ArrayList<>();
            List<SignatureReport> reports = signatures(doc, pdf, length);
            checks.addAll(signatureChecks(reports, length));
            Optional<SignatureReport> assessor = reports.stream().filter(r -> CADES.equals(r.subFilter())
                    || "adbe.pkcs7.detached".equals(r.subFilter())).findFirst();
            if (assessor.isPresent() && reports.stream().anyMatch(r -> r.signedTo() > assessor.get().signedTo())) {
                checks.add(laterRevisions(pdf, doc, assessor.get(), reports));
            }
            EvidenceVerifier.Outcome evidence = new EvidenceVerifier().verify(doc, expectedJournalHead);
            checks.addAll(evidence.checks());
            return new VerificationResult(pdf, checks, reports, evidence.journalHead(), evidence.evidence());
        }
    }

    private static void requirePdfHeader(Path pdf) throws IOException {
        if (!Files.isRegularFile(pdf)) {
            throw new NotAPdfException(pdf + " does not exist or is not a file");
        }
        byte[] head = new byte[1024];
        int n;
        try (InputStream in = Files.newInputStream(pdf)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (!new String(head, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1).contains("%PDF-")) {
            throw new NotAPdfException(pdf + " is not a PDF (no %PDF- header)");
        }
    }

    private static List<SignatureReport> signatures(PDDocument doc, Path pdf, long length) {
        SignatureVerifier verifier = new SignatureVerifier(pdf, length);
        List<SignatureReport> reports = new ArrayList<>();
        PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return reports;
        }
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField sf && sf.getSignature() != null) {
                PDSignature signature = sf.getSignature();
                reports.add(verifier.verify(field.getFullyQualifiedName(), signature));
            }
        }
        reports.sort(Comparator.comparingLong(SignatureReport::signedTo));
        return reports;
    }

    private static List<Check> signatureChecks(List<SignatureReport> reports, long length) {
        List<Check> checks = new ArrayList<>();
        if (reports.stream().noneMatch(r -> CADES.equals(r.subFilter()) || "adbe.pkcs7.detached".equals(r.subFilter()))) {
            checks.add(Check.fail("signature", "the dossier is not signed"));
            return checks;
        }
        for (SignatureReport r : reports) {
            String who = r.signer().map(SignatureReport.CertificateInfo::subject).orElse("unknown signer");
            checks.add(r.valid()
                    ? Check.pass("signature", r.level() + " signature '" + r.field() + "' by " + who + " is valid")
                    : Check.fail("signature", r.level() + " signature '" + r.field() + "' by " + who + " is invalid: "
                      + r.problem().orElse("?")));
        }
        long end = reports.get(reports.size() - 1).signedTo();
        checks.add(end == length
                ? Check.pass("coverage", "the last signature covers the whole file (" + length + " bytes)")
                : Check.fail("coverage", (length - end) + " byte(s) after the last signature are not signed: "
                  + "an incremental update was appended after signing"));
        return checks;
    }

    /** After the assessor's signature only valid document time-stamps may follow, and they must change nothing visible. */
    private static Check laterRevisions(Path pdf, PDDocument whole, SignatureReport assessor, List<SignatureReport> reports)
            throws IOException {
        List<SignatureReport> later = reports.stream().filter(r -> r.signedTo() > assessor.signedTo()).toList();
        for (SignatureReport r : later) {
            if (!RFC3161.equals(r.subFilter())) {
                return Check.fail("revisions", "a further signature (" + r.subFilter() + ") follows the assessor's signature");
            }
        }
        String signedRevision;
        Path copy = Files.createTempFile("fr3-signed-revision-", ".pdf");
        try {
            try (FileChannel in = FileChannel.open(pdf, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                long done = 0;
                while (done < assessor.signedTo()) {
                    done += in.transferTo(done, assessor.signedTo() - done, out);
                }
            }
            try (PDDocument prefix = Loader.loadPDF(copy.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                signedRevision = RevisionFingerprint.of(prefix);
            }
        } catch (IOException e) {
            return Check.fail("revisions", "the signed revision cannot be read on its own: " + e.getMessage());
        } finally {
            Files.deleteIfExists(copy);
        }
        if (!signedRevision.equals(RevisionFingerprint.of(whole))) {
            return Check.fail("revisions", "content was changed after the assessor's signature (pages, pictures or attachments "
                    + "differ from the signed revision)");
        }
        return Check.pass("revisions", later.size() + " document time-stamp revision(s) after the signature change no content");
    }
}
