package org.fr3workbench.probe.boot;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Decides db/dbx trust the way UEFI Secure Boot does (UEFI spec, "Image Execution"): an image is
 * denied when dbx lists its Authenticode hash, its signer certificate or any certificate of the
 * chain (as an X.509 entry or an X509_SHA256 TBS hash); it is allowed when db lists its hash, or
 * when it carries a valid signature whose signer is in db or was issued (directly or through an
 * embedded intermediate) by a certificate in db.
 */
public final class SecureBootJudge {

    /** Judges one image. */
    public SecureBootJudgement judge(AuthenticodeReport image, EfiSignatureDatabase db, EfiSignatureDatabase dbx) {
        List<String> reasons = new ArrayList<>();
        boolean forbidden = forbidden(image, dbx, reasons);
        boolean trusted = trusted(image, db, reasons);
        return new SecureBootJudgement(trusted, forbidden, reasons);
    }

    private static boolean forbidden(AuthenticodeReport image, EfiSignatureDatabase dbx, List<String> reasons) {
        boolean forbidden = false;
        if (dbx.ofType(EfiGuid.CERT_SHA256).stream().anyMatch(e -> e.hex().equals(image.sha256()))) {
            reasons.add("dbx lists the image hash " + image.sha256());
            forbidden = true;
        }
        for (AuthenticodeReport.Signature signature : image.signatures()) {
            for (X509Certificate cert : chainOf(signature)) {
                if (listed(cert, dbx)) {
                    reasons.add("dbx lists certificate " + cert.getSubjectX500Principal().getName());
                    forbidden = true;
                }
            }
        }
        if (!forbidden) {
            reasons.add("dbx lists neither the image hash nor a certificate of its signature (" + dbx.entries().size() + " entries)");
        }
        return forbidden;
    }

    private static boolean trusted(AuthenticodeReport image, EfiSignatureDatabase db, List<String> reasons) {
        if (db.ofType(EfiGuid.CERT_SHA256).stream().anyMatch(e -> e.hex().equals(image.sha256()))) {
            reasons.add("db lists the image hash " + image.sha256());
            return true;
        }
        if (!image.signed()) {
            reasons.add("the image is not signed and db does not list its hash");
            return false;
        }
        for (AuthenticodeReport.Signature signature : image.signatures()) {
            if (!signature.valid()) {
                reasons.add("signature by '" + signature.subject() + "' is not valid: " + signature.detail());
                continue;
            }
            Optional<X509Certificate> anchor = anchorIn(signature, db);
            if (anchor.isPresent()) {
                reasons.add("signer '" + signature.subject() + "' is trusted through db certificate "
                        + anchor.get().getSubjectX500Principal().getName());
                return true;
            }
            reasons.add("signer '" + signature.subject() + "' does not chain to any db certificate ("
                    + db.ofType(EfiGuid.CERT_X509).size() + " in db)");
        }
        return false;
    }

    /** The db certificate that the signer is, or that issued the signer directly or through embedded certificates. */
    private static Optional<X509Certificate> anchorIn(AuthenticodeReport.Signature signature, EfiSignatureDatabase db) {
        List<X509Certificate> anchors = db.ofType(EfiGuid.CERT_X509).stream().map(e -> DerCertificates.parse(e.data()))
                .flatMap(Optional::stream).toList();
        X509Certificate current = signature.signer().orElse(null);
        for (int depth = 0; current != null && depth < 8; depth++) {
            for (X509Certificate anchor : anchors) {
                if (sameCertificate(current, anchor) || issuedBy(current, anchor)) {
                    return Optional.of(anchor);
                }
            }
            X509Certificate child = current;
            current = signature.chain().stream().filter(c -> !sameCertificate(c, child) && issuedBy(child, c)).findFirst().orElse(null);
        }
        return Optional.empty();
    }

    private static List<X509Certificate> chainOf(AuthenticodeReport.Signature signature) {
        List<X509Certificate> chain = new ArrayList<>(signature.chain());
        signature.signer().filter(s -> chain.stream().noneMatch(c -> sameCertificate(c, s))).ifPresent(chain::add);
        return chain;
    }

    private static boolean listed(X509Certificate cert, EfiSignatureDatabase dbx) {
        try {
            byte[] der = cert.getEncoded();
            if (dbx.ofType(EfiGuid.CERT_X509).stream().anyMatch(e -> Arrays.equals(e.data(), der))) {
                return true;
            }
            String tbs = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getTBSCertificate()));
            return dbx.ofType(EfiGuid.CERT_X509_SHA256).stream().anyMatch(e -> e.hex().startsWith(tbs));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean sameCertificate(X509Certificate a, X509Certificate b) {
        try {
            return Arrays.equals(a.getEncoded(), b.getEncoded());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean issuedBy(X509Certificate child, X509Certificate issuer) {
        if (!child.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            child.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }
}
