package org.fr3workbench.probe.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.testsupport.OpenSslServer;
import org.fr3workbench.testsupport.Peers;

/** Runs the Debian {@code sslscan} against a target and reads the accepted suites per protocol from its XML. */
final class SslScanReference {

    private static final Pattern CIPHER = Pattern.compile(
            "<cipher status=\"(?:accepted|preferred)\" sslversion=\"([^\"]+)\"[^>]*? id=\"0x([0-9A-Fa-f]{4})\"");

    private SslScanReference() {
    }

    /** Protocol name to the set of accepted IANA names, for every protocol the scanner probes. */
    static Map<String, Set<String>> accepted(Path workDir, TlsTarget target, CipherSuiteRegistry registry)
            throws IOException, InterruptedException {
        String sslscan = Peers.require("sslscan", "sslscan").toString();
        String xml = OpenSslServer.run(workDir, List.of(sslscan, "--no-colour", "--xml=-", target.toString()));
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (TlsVersion version : TlsVersion.values()) {
            out.put(version.label(), new TreeSet<>());
        }
        Matcher m = CIPHER.matcher(xml);
        while (m.find()) {
            out.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(registry.byCode(Integer.parseInt(m.group(2), 16)).name());
        }
        return out;
    }

    /** The same view of our result. */
    static Map<String, Set<String>> accepted(TlsScanResult result) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (TlsVersion version : TlsVersion.values()) {
            out.put(version.label(), new TreeSet<>(result.protocol(version.label()).orElseThrow().accepted()));
        }
        return out;
    }
}
