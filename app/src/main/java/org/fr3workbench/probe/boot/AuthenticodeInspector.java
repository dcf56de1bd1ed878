package org.fr3workbench.probe.boot;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Reads the Authenticode signatures of a PE/COFF file with Bouncy Castle: walks the certificate
 * table (WIN_CERTIFICATE entries, 8-byte aligned), reads each PKCS#7 SignedData with its
 * SpcIndirectDataContent, recomputes the image digest with the signed algorithm and verifies the
 * signer. Bad input gives a {@link PeFormatException} (headers) or a report with a problem
 * (certificate table); nothing else.
 */
public final class AuthenticodeInspector {

    /** The content type of Authenticode SignedData. */
    public static final ASN1ObjectIdentifier SPC_INDIRECT_DATA = new ASN1ObjectIdentifier("1.3.6.1.4.1.311.2.1.4");
    private static final int WIN_CERT_TYPE_PKCS_SIGNED_DATA = 0x0002;

    private final DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();

    /** Inspects a whole PE/COFF file. */
    public AuthenticodeReport inspect(byte[] file) throws PeFormatException {
        PeImage image = PeImage.parse(file);
        String sha256 = HexFormat.of().formatHex(AuthenticodeDigest.compute(file, image, "SHA-256"));
        List<AuthenticodeReport.Signature> signatures = new ArrayList<>();
        String problem = "";
        int at = image.certTableOffset();
        int end = image.certTableOffset() + image.certTableSize();
        try {
            while (image.hasCertificateTable() && at + 8 <= end) {
                PeImage.Bytes b = new PeImage.Bytes(file);
                long length = b.u32(at, "WIN_CERTIFICATE length");
                int type = b.u16(at + 6, "WIN_CERTIFICATE type");
                if (length < 8 || at + length > end) {
                    throw new PeFormatException("WIN_CERTIFICATE at byte " + at + " has length " + length
                            + ", beyond the table end " + end);
                }
                if (type == WIN_CERT_TYPE_PKCS_SIGNED_DATA) {
                    byte[] der = java.util.Arrays.copyOfRange(file, at + 8, (int) (at + length));
                    signatures.add(parsed(der, file, image));
                }
                at += (int) ((length + 7) & ~7L);
            }
        } catch (PeFormatException e) {
            problem = e.getMessage();
        }
        return new AuthenticodeReport(image.machineName(), image.subsystemName(), sha256, signatures, problem);
    }

    /** Bouncy Castle parses lazily and reports malformed ASN.1 as runtime exceptions: they all mean "malformed signature". */
    private AuthenticodeReport.Signature parsed(byte[] der, byte[] file, PeImage image) throws PeFormatException {
        try {
            return signature(der, file, image);
        } catch (RuntimeException e) {
            throw new PeFormatException("the PKCS#7 signature is malformed: " + message(e), e);
        }
    }

    private AuthenticodeReport.Signature signature(byte[] der, byte[] file, PeImage image) throws PeFormatException {
        CMSSignedData signed;
        ASN1Sequence indirect;
        try {
            signed = new CMSSignedData(der);
            if (!SPC_INDIRECT_DATA.equals(signed.getSignedContentTypeOID() == null ? null
                    : new ASN1ObjectIdentifier(signed.getSignedContentTypeOID()))) {
                throw new PeFormatException("the signature's content type is " + signed.getSignedContentTypeOID()
                        + ", not SpcIndirectDataContent");
            }
            indirect = ASN1Sequence.getInstance(signed.getSignedContent().getContent());
        } catch (CMSException | RuntimeException e) {
            throw new PeFormatException("the certificate table holds no readable PKCS#7 SignedData: " + message(e), e);
        }
        if (indirect.size() < 2) {
            throw new PeFormatException("SpcIndirectDataContent has " + indirect.size() + " fields, expected 2");
        }
        AlgorithmIdentifier algorithm;
        byte[] embedded;
        try {
            ASN1Sequence digestInfo = ASN1Sequence.getInstance(indirect.getObjectAt(1));
            algorithm = AlgorithmIdentifier.getInstance(digestInfo.getObjectAt(0));
            embedded = ASN1OctetString.getInstance(digestInfo.getObjectAt(1)).getOctets();
        } catch (RuntimeException e) {
            throw new PeFormatException("SpcIndirectDataContent has no readable DigestInfo: " + message(e), e);
        }
        String digestName = names.getAlgorithmName(algorithm.getAlgorithm());
        String computed = "";
        List<String> details = new ArrayList<>();
        try {
            computed = HexFormat.of().formatHex(AuthenticodeDigest.compute(file, image, jcaName(digestName)));
        } catch (PeFormatException e) {
            details.add(e.getMessage());
        }
        List<X509Certificate> chain = certificates(signed);
        SignerInformation signer = signed.getSignerInfos().getSigners().stream().findFirst().orElse(null);
        if (signer == null) {
            throw new PeFormatException("the SignedData has no SignerInfo");
        }
        Optional<X509CertificateHolder> signerCert = match(signed, signer);
        boolean verifies = signerCert.map(cert -> verify(signer, cert, details)).orElse(false);
        if (signerCert.isEmpty()) {
            details.add("the signer certificate is not embedded");
        }
        String hexEmbedded = HexFormat.of().formatHex(embedded);
        if (!computed.isEmpty() && !computed.equals(hexEmbedded)) {
            details.add("image digest mismatch: signed " + hexEmbedded + ", computed " + computed);
        }
        return new AuthenticodeReport.Signature(signerCert.map(c -> c.getSubject().toString()).orElse(""),
                signer.getSID().getIssuer() == null ? "" : signer.getSID().getIssuer().toString(),
                signer.getSID().getSerialNumber() == null ? "" : signer.getSID().getSerialNumber().toString(16),
                digestName, hexEmbedded, computed, verifies, signerCert.flatMap(AuthenticodeInspector::convert), chain,
                String.join("; ", details));
    }

    private static Optional<X509CertificateHolder> match(CMSSignedData signed, SignerInformation signer) {
        @SuppressWarnings("unchecked")
        Selector<X509CertificateHolder> selector = (Selector<X509CertificateHolder>) signer.getSID();
        return signed.getCertificates().getMatches(selector).stream().findFirst();
    }

    private static boolean verify(SignerInformation signer, X509CertificateHolder cert, List<String> details) {
        try {
            boolean ok = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            if (!ok) {
                details.add("the signer signature does not verify");
            }
            return ok;
        } catch (CMSException | OperatorCreationException | CertificateException | RuntimeException e) {
            details.add("the signer signature does not verify: " + message(e));
            return false;
        }
    }

    private static List<X509Certificate> certificates(CMSSignedData signed) {
        List<X509Certificate> out = new ArrayList<>();
        for (X509CertificateHolder holder : signed.getCertificates().getMatches(null)) {
            convert(holder).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<X509Certificate> convert(X509CertificateHolder holder) {
        try {
            return Optional.of(new JcaX509CertificateConverter().getCertificate(holder));
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    private static String jcaName(String bcName) {
        return switch (bcName) {
            case "SHA1" -> "SHA-1";
            case "SHA224" -> "SHA-224";
            case "SHA256" -> "SHA-256";
            case "SHA384" -> "SHA-384";
            case "SHA512" -> "SHA-512";
            default -> bcName;
        };
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
