package org.fr3workbench.probe.update;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.util.Selector;

/**
 * Reads a detached CMS signature (SWUpdate's {@code sw-description.sig}) with Bouncy Castle and
 * reports each signer and whether the signature verifies over the content, with the embedded
 * certificate and with a certificate the caller trusts (the device's public key file).
 */
public final class CmsSignatureInspector {

    private final DefaultAlgorithmNameFinder names = new DefaultAlgorithmNameFinder();

    /**
     * @param signature DER bytes of the signature
     * @param content   the signed content (sw-description)
     * @param trusted   the certificate the device verifies with, if known
     */
    public CmsSignatureReport inspect(byte[] signature, byte[] content, Optional<X509Certificate> trusted) {
        CMSSignedData signed;
        try {
            CMSSignedData parsed = new CMSSignedData(signature);
            boolean detached = parsed.getSignedContent() == null;
            signed = detached ? new CMSSignedData(new CMSProcessableByteArray(content), signature) : parsed;
            List<CmsSignatureReport.Signer> signers = new ArrayList<>();
            for (SignerInformation info : signed.getSignerInfos().getSigners()) {
                signers.add(signer(signed, info, trusted));
            }
            String problem = signers.isEmpty() ? "the signature has no signer" : "";
            return new CmsSignatureReport(true, problem, detached, signers);
        } catch (CMSException | RuntimeException e) {
            return CmsSignatureReport.unreadable("not a CMS signature: " + message(e));
        }
    }

    private CmsSignatureReport.Signer signer(CMSSignedData signed, SignerInformation info, Optional<X509Certificate> trusted) {
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches((Selector<X509CertificateHolder>) info.getSID());
        Optional<X509CertificateHolder> embedded = matches.stream().findFirst();
        List<String> details = new ArrayList<>();
        Optional<Boolean> withEmbedded = embedded.map(cert -> verify(info, cert, "embedded certificate", details));
        Optional<Boolean> withGiven = trusted.map(cert -> {
            try {
                return verify(info, new X509CertificateHolder(cert.getEncoded()), "given certificate", details);
            } catch (java.io.IOException | java.security.cert.CertificateEncodingException e) {
                details.add("given certificate: unreadable (" + message(e) + ")");
                return false;
            }
        });
        String issuer = info.getSID().getIssuer() == null ? "" : info.getSID().getIssuer().toString();
        String serial = info.getSID().getSerialNumber() == null ? "" : info.getSID().getSerialNumber().toString(16);
        return new CmsSignatureReport.Signer(embedded.map(c -> c.getSubject().toString()).orElse(""), issuer, serial,
                algorithm(info.getDigestAlgOID()), algorithm(info.getEncryptionAlgOID()), signingTime(info),
                embedded.isPresent(), withEmbedded, withGiven, String.join("; ", details));
    }

    private static boolean verify(SignerInformation info, X509CertificateHolder cert, String which, List<String> details) {
        try {
            if (!info.getSID().match(cert)) {
                details.add(which + ": does not match the signer (issuer/serial differ)");
                return false;
            }
            boolean ok = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
            if (!ok) {
                details.add(which + ": signature value does not verify");
            }
            return ok;
        } catch (CMSException | OperatorCreationException | java.security.cert.CertificateException | RuntimeException e) {
            details.add(which + ": " + message(e));
            return false;
        }
    }

    private String algorithm(String oid) {
        try {
            return names.getAlgorithmName(new ASN1ObjectIdentifier(oid));
        } catch (IllegalArgumentException e) {
            return oid;
        }
    }

    private static Optional<Instant> signingTime(SignerInformation info) {
        AttributeTable attributes = info.getSignedAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        Attribute attribute = attributes.get(CMSAttributes.signingTime);
        if (attribute == null || attribute.getAttrValues().size() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
