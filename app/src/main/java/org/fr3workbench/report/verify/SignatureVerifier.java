package org.fr3workbench.report.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;
import org.fr3workbench.report.sign.Certificates;

/** Verifies one PAdES signature or document time-stamp against the bytes of the file it is in. */
final class SignatureVerifier {

    private final Path file;
    private final long fileLength;

    SignatureVerifier(Path file, long fileLength) {
        this.file = file;
        this.fileLength = fileLength;
    }

    SignatureReport verify(String field, PDSignature signature) {
        String subFilter = String.valueOf(signature.getSubFilter());
        Optional<Instant> claimed = Optional.ofNullable(signature.getSignDate()).map(c -> c.toInstant());
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4) {
            return failed(field, subFilter, "no /ByteRange of four numbers", 0, 0, claimed);
        }
        long end = (long) range[2] + range[3];
        String layout = checkLayout(range);
        if (layout != null) {
            return failed(field, subFilter, layout, range[0], end, claimed);
        }
        try {
            byte[] contents = withoutPadding(signature.getContents());
            if ("ETSI.RFC3161".equals(subFilter)) {
                return timeStamp(field, subFilter, contents, range, claimed);
            }
            return cades(field, subFilter, contents, range, claimed);
        } catch (IOException | CMSException | RuntimeException e) {
            return failed(field, subFilter, "unreadable signature: " + e.getMessage(), range[0], end, claimed);
        }
    }

    /** The DER object at the start of /Contents, without the zero padding after it. */
    static byte[] withoutPadding(byte[] contents) throws IOException {
        if (contents.length < 2 || contents[0] != 0x30) {
            throw new IOException("/Contents does not hold a DER SEQUENCE");
        }
        int first = contents[1] & 0xFF;
        long length;
        int header;
        if (first < 0x80) {
            length = first;
            header = 2;
        } else {
            int n = first & 0x7F;
            if (n < 1 || n > 4 || contents.length < 2 + n) {
                throw new IOException("/Contents has an unsupported DER length");
            }
            length = 0;
            for (int i = 0; i < n; i++) {
                length = (length << 8) | (contents[2 + i] & 0xFF);
            }
            header = 2 + n;
        }
        if (header + length > contents.length) {
            throw new IOException("/Contents is truncated");
        }
        return Arrays.copyOf(contents, (int) (header + length));
    }

    /** The gap between the two ranges must be exactly the /Contents hex string, and nothing may lie outside the file. */
    private String checkLayout(int[] r) {
        if (r[0] != 0 || r[1] <= 0 || r[2] <= r[1] || r[3] < 0) {
            return "malformed /ByteRange " + Arrays.toString(r);
        }
        if ((long) r[2] + r[3] > fileLength) {
            return "/ByteRange " + Arrays.toString(r) + " reaches beyond the end of the file (" + fileLength + " bytes)";
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            raf.seek(r[1]);
            int open = raf.read();
            raf.seek(r[2] - 1L);
            int close = raf.read();
            if (open != '<' || close != '>') {
                return "the bytes left out by /ByteRange " + Arrays.toString(r) + " are not just the signature value";
            }
        } catch (IOException e) {
            return "cannot read the signed ranges: " + e.getMessage();
        }
        return null;
    }

    private SignatureReport cades(String field, String subFilter, byte[] contents, int[] range, Optional<Instant> claimed)
            throws CMSException, IOException {
        long end = (long) range[2] + range[3];
        CMSSignedData data = new CMSSignedData(new RangeContent(file, range), contents);
        SignerInformation signer = data.getSignerInfos().getSigners().iterator().next();
        X509Certificate cert = certificate(data, signer);
        if (cert == null) {
            return failed(field, subFilter, "the signer's certificate is not in the signature", range[0], end, claimed);
        }
        Optional<SignatureReport.CertificateInfo> info = Optional.of(info(cert));
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                return report(field, subFilter, "B-B", "the signature value does not verify", range, claimed, Optional.empty(), info);
            }
        } catch (CMSSignerDigestMismatchException e) {
            return report(field, subFilter, "B-B", "digest mismatch: the signed bytes were changed after signing", range, claimed,
                    Optional.empty(), info);
        } catch (OperatorCreationException e) {
            return report(field, subFilter, "B-B", "cannot check the signature: " + e.getMessage(), range, claimed,
                    Optional.empty(), info);
        }
        String problem = checkSigningCertificate(signer, cert);
        Optional<Instant> stamped = Optional.empty();
        String level = "B-B";
        Attribute tsAttr = signer.getUnsignedAttributes() == null ? null
                : signer.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (tsAttr != null) {
            level = "B-T";
            try {
                TimeStampToken token = new TimeStampToken(new CMSSignedData(tsAttr.getAttrValues().getObjectAt(0)
                        .toASN1Primitive().getEncoded()));
                String tsProblem = checkToken(token, sha256(signer.getSignature()));
                if (tsProblem != null && problem == null) {
                    problem = "signature time-stamp: " + tsProblem;
                }
                stamped = Optional.of(token.getTimeStampInfo().getGenTime().toInstant());
            } catch (TSPException | IOException e) {
                problem = "unreadable signature time-stamp: " + e.getMessage();
            }
        }
        return report(field, subFilter, level, problem, range, claimed, stamped, info);
    }

    private SignatureReport timeStamp(String field, String subFilter, byte[] contents, int[] range, Optional<Instant> claimed)
            throws IOException, CMSException {
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(contents));
            byte[] digest;
            try (InputStream in = ByteRanges.open(file, range)) {
                digest = sha256(in);
            }
            String problem = checkToken(token, digest);
            X509Certificate tsa = certificate(token.toCMSSignedData(), token.toCMSSignedData().getSignerInfos().getSigners()
                    .iterator().next());
            return report(field, subFilter, "document time-stamp", problem, range, claimed,
                    Optional.of(token.getTimeStampInfo().getGenTime().toInstant()),
                    Optional.ofNullable(tsa).map(SignatureVerifier::info));
        } catch (TSPException e) {
            return failed(field, subFilter, "unreadable time-stamp token: " + e.getMessage(), range[0],
                    (long) range[2] + range[3], claimed);
        }
    }

    private static String checkToken(TimeStampToken token, byte[] expectedImprint) {
        if (!Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), expectedImprint)) {
            return "digest mismatch: the time-stamped bytes were changed";
        }
        X509Certificate tsa = certificate(token.toCMSSignedData(), token.toCMSSignedData().getSignerInfos().getSigners()
                .iterator().next());
        if (tsa == null) {
            return "the time-stamp authority's certificate is not in the token";
        }
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
            return null;
        } catch (TSPException | OperatorCreationException e) {
            return "the time-stamp token does not verify: " + e.getMessage();
        }
    }

    private static String checkSigningCertificate(SignerInformation signer, X509Certificate cert) {
        Attribute attr = signer.getSignedAttributes() == null ? null
                : signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attr == null) {
            return "the signing-certificate-v2 attribute is missing (required by PAdES)";
        }
        try {
            ESSCertIDv2 id = SigningCertificateV2.getInstance(attr.getAttrValues().getObjectAt(0)).getCerts()[0];
            MessageDigest digest = MessageDigest.getInstance(
                    new org.bouncycastle.operator.DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm()));
            if (!Arrays.equals(digest.digest(cert.getEncoded()), id.getCertHash())) {
                return "signing-certificate-v2 names a different certificate than the one that signed";
            }
            return null;
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException | RuntimeException e) {
            return "unreadable signing-certificate-v2 attribute: " + e.getMessage();
        }
    }

    @SuppressWarnings("unchecked")
    private static X509Certificate certificate(CMSSignedData data, SignerInformation signer) {
        Collection<X509CertificateHolder> matches = data.getCertificates().getMatches((Selector<X509CertificateHolder>) signer.getSID());
        if (matches.isEmpty()) {
            return null;
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
        } catch (CertificateException e) {
            return null;
        }
    }

    static SignatureReport.CertificateInfo info(X509Certificate cert) {
        return new SignatureReport.CertificateInfo(cert.getSubjectX500Principal().getName(),
                cert.getIssuerX500Principal().getName(), cert.getSerialNumber().toString(16),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), Certificates.sha256Fingerprint(cert),
                Certificates.isSelfSigned(cert));
    }

    private static SignatureReport report(String field, String subFilter, String level, String problem, int[] range,
                                          Optional<Instant> claimed, Optional<Instant> stamped,
                                          Optional<SignatureReport.CertificateInfo> signer) {
        return new SignatureReport(field, subFilter, level, problem == null, Optional.ofNullable(problem), range[0],
                (long) range[2] + range[3], claimed, stamped, signer);
    }

    private static SignatureReport failed(String field, String subFilter, String problem, long from, long to,
                                          Optional<Instant> claimed) {
        return new SignatureReport(field, subFilter, "unknown", false, Optional.of(problem), from, to, claimed,
                Optional.empty(), Optional.empty());
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[256 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed byte ranges as CMS content, streamed from the file for each digest pass. */
    private record RangeContent(Path file, int[] range) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return CMSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            try (InputStream in = ByteRanges.open(file, range)) {
                in.transferTo(out);
            }
        }

        @Override
        public Object getContent() {
            return range;
        }
    }
}
