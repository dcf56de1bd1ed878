package org.fr3workbench.probe.tls;

import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The native TLS scanner: writes its own ClientHello messages and reads the server's answers to find the
 * versions, suites, preference order, groups, signature schemes, certificate chain, renegotiation and
 * compression support of one endpoint, then judges them with a policy. See docs/tls-scanner.md.
 *
 * <p>Work runs on virtual threads created per scan; the number of connections open at once never
 * exceeds {@link TlsScanOptions#parallel()}.
 */
public final class TlsScanner {

    private final ConnectionFactory connections;
    private final CipherSuiteRegistry registry;
    private final SecureRandom random = new SecureRandom();

    public TlsScanner(ConnectionFactory connections, CipherSuiteRegistry registry) {
        this.connections = connections;
        this.registry = registry;
    }

    /**
     * Scans one endpoint.
     *
     * @throws TlsScanException when the target cannot be reached at all
     * @throws CancellationException when the cancellation fired
     */
    public TlsScanResult scan(TlsTarget target, TlsScanOptions options, TlsScanListener listener,
                              TlsScanCancellation cancellation) throws TlsScanException, InterruptedException {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ScanContext context = new ScanContext(target, options, connections, listener, cancellation);
        HandshakeProbe probe = new HandshakeProbe(context, new ClientHelloWriter(random, new KeyShares()),
                code -> registry.byCode(code).ecdhe());
        HelloSpecs specs = new HelloSpecs(registry, target);
        SuiteEnumerator suites = new SuiteEnumerator(context, probe, specs, registry);
        KeyExchangeEnumerator keyExchange = new KeyExchangeEnumerator(context, probe, specs);
        try (ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("tls-scan-", 0).factory())) {
            Map<TlsVersion, Future<SuiteEnumerator.VersionScan>> pending = new EnumMap<>(TlsVersion.class);
            for (TlsVersion version : List.of(TlsVersion.TLS_1_3, TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0,
                    TlsVersion.SSL_3_0)) {
                pending.put(version, executor.submit(() -> suites.scan(version)));
            }
            Map<TlsVersion, SuiteEnumerator.VersionScan> scans = new EnumMap<>(TlsVersion.class);
            for (Map.Entry<TlsVersion, Future<SuiteEnumerator.VersionScan>> entry : pending.entrySet()) {
                scans.put(entry.getKey(), get(entry.getValue()));
            }
            if (context.unreachable() != null && scans.values().stream().noneMatch(s -> s.result().supported())) {
                throw new TlsScanException(context.unreachable());
            }
            Details details = details(scans, keyExchange, new Tls13ChainFetcher(context), executor);
            context.checkCancelled();
            TlsScanResult result = assemble(target, started, t0, context, scans, details);
            return new PolicyEvaluator(options.policy()).judge(result);
        }
    }

    /** Facts that need the accepted suites first. */
    private record Details(List<String> groups13, List<String> legacyGroups, List<String> schemes, int dhBits,
                           List<CertificateInfo> chain13, List<String> problems) {
    }

    private Details details(Map<TlsVersion, SuiteEnumerator.VersionScan> scans, KeyExchangeEnumerator keyExchange,
                            Tls13ChainFetcher chains, ExecutorService executor) throws InterruptedException {
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        SuiteEnumerator.VersionScan tls13 = scans.get(TlsVersion.TLS_1_3);
        SuiteEnumerator.VersionScan legacy = highestLegacy(scans);
        List<Integer> legacyCodes = legacy == null ? List.of() : legacy.codes();
        TlsVersion legacyVersion = legacy == null ? null : TlsVersion.ofLabel(legacy.result().name()).orElseThrow();
        List<Integer> ecdhe = filter(legacyCodes, CipherSuite::ecdhe);
        List<Integer> signed = legacyVersion == TlsVersion.TLS_1_2 ? filter(legacyCodes, CipherSuite::signedKeyExchange) : List.of();
        List<Integer> dhe = filter(legacyCodes, s -> s.forwardSecret() && !s.ecdhe());
        Future<List<String>> groups13 = executor.submit(() -> tls13.result().supported() ? keyExchange.tls13Groups() : List.of());
        Future<List<String>> legacyGroups = executor.submit(() -> ecdhe.isEmpty() ? List.of()
                : keyExchange.legacyGroups(legacyVersion, ecdhe));
        Future<List<String>> schemes = executor.submit(() -> signed.isEmpty() ? List.of() : keyExchange.signatureSchemes(signed));
        Future<Integer> dhBits = executor.submit(() -> dhe.isEmpty() ? 0 : keyExchange.dhBits(legacyVersion, dhe));
        Future<List<CertificateInfo>> chain13 = executor.submit(() -> legacy == null && tls13.result().supported()
                ? chains.fetch(problems) : List.of());
        return new Details(get(groups13), get(legacyGroups), get(schemes), get(dhBits), get(chain13), List.copyOf(problems));
    }

    private TlsScanResult assemble(TlsTarget target, Instant started, long t0, ScanContext context,
                                   Map<TlsVersion, SuiteEnumerator.VersionScan> scans, Details details) {
        SuiteEnumerator.VersionScan legacy = highestLegacy(scans);
        List<ProtocolResult> protocols = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean compression = false;
        for (TlsVersion version : TlsVersion.values()) {
            SuiteEnumerator.VersionScan scan = scans.get(version);
            ProtocolResult result = scan.result();
            if (version == TlsVersion.TLS_1_3) {
                result = result.withDetails(details.groups13(), List.of());
            } else if (scan == legacy) {
                result = result.withDetails(details.legacyGroups(), version == TlsVersion.TLS_1_2 ? details.schemes() : List.of());
            }
            protocols.add(result);
            if (result.error() != null) {
                errors.add(result.error());
            }
            compression |= scan.compression();
        }
        errors.addAll(details.problems());
        List<CertificateInfo> chain = details.chain13();
        String source = chain.isEmpty() ? null : "JDK TLSv1.3 handshake";
        Boolean renegotiation = null;
        if (legacy != null && legacy.first() != null) {
            renegotiation = legacy.first().hello().secureRenegotiation();
            try {
                chain = CertificateReader.read(legacy.first().certificates());
                source = chain.isEmpty() ? null : legacy.result().name() + " handshake";
            } catch (CertificateException e) {
                errors.add("certificate chain: " + e.getMessage());
            }
        }
        long duration = (System.nanoTime() - t0) / 1_000_000L;
        return new TlsScanResult(target.toString(), started, duration, context.connections(), protocols, chain, source,
                renegotiation, compression, details.dhBits(), errors, null, List.of());
    }

    private static SuiteEnumerator.VersionScan highestLegacy(Map<TlsVersion, SuiteEnumerator.VersionScan> scans) {
        for (TlsVersion version : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_1, TlsVersion.TLS_1_0, TlsVersion.SSL_3_0)) {
            if (scans.get(version).result().supported()) {
                return scans.get(version);
            }
        }
        return null;
    }

    private List<Integer> filter(List<Integer> codes, java.util.function.Predicate<CipherSuite> test) {
        return codes.stream().filter(code -> test.test(registry.byCode(code))).toList();
    }

    private static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            if (e.getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
