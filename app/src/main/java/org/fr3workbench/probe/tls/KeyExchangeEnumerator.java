package org.fr3workbench.probe.tls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the named groups (TLS 1.3 through HelloRetryRequest, older versions through the ECDHE
 * ServerKeyExchange), the TLS 1.2 signature schemes, and the DHE group size: each with the same
 * "offer all, remove the chosen one, repeat" loop.
 */
final class KeyExchangeEnumerator {

    private final HandshakeProbe probe;
    private final HelloSpecs specs;
    private final ScanContext context;

    KeyExchangeEnumerator(ScanContext context, HandshakeProbe probe, HelloSpecs specs) {
        this.context = context;
        this.probe = probe;
        this.specs = specs;
    }

    /** TLS 1.3 groups: an empty key_share makes the server name its choice in a HelloRetryRequest. */
    List<String> tls13Groups() throws InterruptedException {
        context.progress("TLSv1.3: groups");
        ClientHelloSpec base = specs.base(TlsVersion.TLS_1_3);
        return loop(TlsNames.groups(), offered -> base.withGroups(offered, List.of()), HandshakeProbe.Depth.HELLO,
                answer -> answer.hello().version() == TlsVersion.TLS_1_3.wire() ? answer.hello().keyShareGroup() : -1,
                TlsNames::group);
    }

    /** ECDHE groups for an older version, offering only the accepted ECDHE suites. */
    List<String> legacyGroups(TlsVersion version, List<Integer> ecdheSuites) throws InterruptedException {
        context.progress(version.label() + ": groups");
        ClientHelloSpec base = specs.base(version).withSuites(ecdheSuites);
        List<Integer> candidates = TlsNames.groups().stream().filter(g -> !TlsNames.isFiniteField(g)).toList();
        return loop(candidates, offered -> base.withGroups(offered, List.of()), HandshakeProbe.Depth.FLIGHT,
                answer -> answer.keyExchange() == null ? -1 : answer.keyExchange().namedGroup(), TlsNames::group);
    }

    /** TLS 1.2 signature schemes, offering only the accepted suites whose key exchange is signed. */
    List<String> signatureSchemes(List<Integer> signedSuites) throws InterruptedException {
        context.progress("TLSv1.2: signature algorithms");
        ClientHelloSpec base = specs.base(TlsVersion.TLS_1_2).withSuites(signedSuites);
        return loop(TlsNames.signatureSchemes(), base::withSignatureSchemes, HandshakeProbe.Depth.FLIGHT,
                answer -> answer.keyExchange() == null ? -1 : answer.keyExchange().signatureScheme(), TlsNames::signatureScheme);
    }

    /** Size of the finite-field DHE group, offering only the accepted DHE suites; 0 if it cannot be read. */
    int dhBits(TlsVersion version, List<Integer> dheSuites) throws InterruptedException {
        context.progress(version.label() + ": DHE group size");
        ProbeOutcome outcome = probe.run(specs.base(version).withSuites(dheSuites), HandshakeProbe.Depth.FLIGHT);
        if (outcome instanceof ProbeOutcome.Answered answer && answer.keyExchange() != null) {
            return answer.keyExchange().dhBits();
        }
        return 0;
    }

    private List<String> loop(List<Integer> all, Function<List<Integer>, ClientHelloSpec> spec, HandshakeProbe.Depth depth,
                              Function<ProbeOutcome.Answered, Integer> chosen, Function<Integer, String> name)
            throws InterruptedException {
        List<Integer> candidates = new ArrayList<>(all);
        List<String> found = new ArrayList<>();
        while (!candidates.isEmpty()) {
            ProbeOutcome outcome = probe.run(spec.apply(candidates), depth);
            if (!(outcome instanceof ProbeOutcome.Answered answer)) {
                break;
            }
            int value = chosen.apply(answer);
            if (value < 0 || !candidates.remove(Integer.valueOf(value))) {
                break;
            }
            found.add(name.apply(value));
        }
        return List.copyOf(found);
    }
}
