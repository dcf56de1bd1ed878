package org.fr3workbench.catalog;

import java.util.List;
import java.util.Map;

/** A TLS policy file exactly as written; {@link TlsPolicyLoader} checks it and builds the domain record. */
record TlsPolicyDto(Integer schema, String id, String title, String version, String date, String source, String note,
                    List<String> protocols, Map<String, List<String>> suites, List<String> groups,
                    CertificateDto certificate, Integer minDhBits, Boolean requireSecureRenegotiation,
                    Boolean forbidCompression) {

    /** Certificate rules. */
    record CertificateDto(Integer minRsaBits, Integer minEcBits, List<String> forbiddenSignatureHashes, Boolean checkValidity) {
    }
}
