package org.fr3workbench.probe.tls;

import java.io.ByteArrayInputStream;
import java.security.AlgorithmParameters;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/** Turns DER certificates into {@link CertificateInfo} facts with the JDK's X.509 parser. */
final class CertificateReader {

    private CertificateReader() {
    }

    /** Facts for each certificate of a chain; a certificate that does not parse ends the list with an exception. */
    static List<CertificateInfo> read(List<byte[]> chain) throws CertificateException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<CertificateInfo> out = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate cert = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(chain.get(i)));
            out.add(info(i, cert));
        }
        return List.copyOf(out);
    }

    static CertificateInfo info(int position, X509Certificate cert) throws CertificateException {
        PublicKey key = cert.getPublicKey();
        String keyType = key.getAlgorithm();
        int bits = 0;
        String curve = null;
        if (key instanceof RSAPublicKey rsa) {
            bits = rsa.getModulus().bitLength();
        } else if (key instanceof ECPublicKey ec) {
            bits = ec.getParams().getCurve().getField().getFieldSize();
            curve = ec.getParams().toString().split("[ ,\\[]")[0];
        } else if (key instanceof DSAPublicKey dsa) {
            bits = dsa.getParams().getP().bitLength();
        } else if (key instanceof EdECPublicKey ed) {
            keyType = ed.getParams().getName();
            bits = "Ed448".equals(keyType) ? 448 : 255;
        }
        String subject = cert.getSubjectX500Principal().getName(X500Principal.RFC2253);
        String issuer = cert.getIssuerX500Principal().getName(X500Principal.RFC2253);
        return new CertificateInfo(position, subject, issuer, altNames(cert), keyType, bits, curve, cert.getSigAlgName(),
                signatureHash(cert), cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), subject.equals(issuer),
                fingerprint(cert.getEncoded()));
    }

    /** The hash inside the signature algorithm: {@code SHA256withRSA} gives SHA256, RSASSA-PSS reads its parameters. */
    static String signatureHash(X509Certificate cert) {
        String name = cert.getSigAlgName().toUpperCase(Locale.ROOT);
        if (name.contains("WITH")) {
            return name.substring(0, name.indexOf("WITH")).replace("-", "");
        }
        if (name.equals("RSASSA-PSS") && cert.getSigAlgParams() != null) {
            try {
                AlgorithmParameters params = AlgorithmParameters.getInstance("RSASSA-PSS");
                params.init(cert.getSigAlgParams());
                return params.getParameterSpec(PSSParameterSpec.class).getDigestAlgorithm().replace("-", "").toUpperCase(Locale.ROOT);
            } catch (java.security.GeneralSecurityException | java.io.IOException e) {
                return "UNKNOWN";
            }
        }
        return null;
    }

    private static List<String> altNames(X509Certificate cert) throws CertificateParsingException {
        Collection<List<?>> names = cert.getSubjectAlternativeNames();
        if (names == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (List<?> entry : names) {
            int type = (Integer) entry.get(0);
            if (type == 2) {
                out.add("DNS:" + entry.get(1));
            } else if (type == 7) {
                out.add("IP:" + entry.get(1));
            }
        }
        return out;
    }

    private static String fingerprint(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
