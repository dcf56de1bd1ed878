package org.fr3workbench.probe.tls;

import java.util.List;

/** The scanner's starting ClientHello for each version: every suite, group and signature scheme it knows. */
final class HelloSpecs {

    private final CipherSuiteRegistry registry;
    private final String serverName;

    HelloSpecs(CipherSuiteRegistry registry, TlsTarget target) {
        this.registry = registry;
        this.serverName = target.serverName();
    }

    ClientHelloSpec base(TlsVersion version) {
        List<Integer> suites = registry.usableWith(version).stream().map(CipherSuite::code).toList();
        List<Integer> shares = version == TlsVersion.TLS_1_3 ? List.of(0x001D) : List.of();
        return new ClientHelloSpec(version, suites, TlsNames.groups(), shares, TlsNames.signatureSchemes(), serverName,
                version != TlsVersion.TLS_1_3);
    }

    /** The version the server negotiated, from supported_versions (TLS 1.3) or the server_version field. */
    static int negotiated(ServerHello hello) {
        return hello.version();
    }
}
