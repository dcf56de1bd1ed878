package org.fr3workbench.probe.tls;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every suite a version accepts with the usual "offer all, remove the chosen one, repeat" loop
 * (accepted + 1 connections), then one more connection with the accepted suites reversed to tell whether
 * the server imposes its own order.
 */
final class SuiteEnumerator {

    /**
     * What one version gave.
     *
     * @param result the protocol entry (groups and signature algorithms still empty)
     * @param codes accepted suite codes in the order chosen
     * @param first the first answer (for TLS 1.2 and older the whole first flight), or null
     * @param compression whether any answer chose compression
     */
    record VersionScan(ProtocolResult result, List<Integer> codes, ProbeOutcome.Answered first, boolean compression) {
    }

    private final HandshakeProbe probe;
    private final HelloSpecs specs;
    private final CipherSuiteRegistry registry;
    private final ScanContext context;

    SuiteEnumerator(ScanContext context, HandshakeProbe probe, HelloSpecs specs, CipherSuiteRegistry registry) {
        this.context = context;
        this.probe = probe;
        this.specs = specs;
        this.registry = registry;
    }

    VersionScan scan(TlsVersion version) throws InterruptedException {
        context.progress(version.label() + ": cipher suites");
        ClientHelloSpec base = specs.base(version);
        List<Integer> candidates = new ArrayList<>(base.suites());
        List<Integer> accepted = new ArrayList<>();
        ProbeOutcome.Answered first = null;
        String error = null;
        String refusal = null;
        boolean compression = false;
        while (!candidates.isEmpty()) {
            HandshakeProbe.Depth depth = first == null && version != TlsVersion.TLS_1_3
                    ? HandshakeProbe.Depth.FLIGHT : HandshakeProbe.Depth.HELLO;
            ProbeOutcome outcome = probe.run(base.withSuites(candidates), depth);
            if (outcome instanceof ProbeOutcome.Failed failed) {
                error = failed.message();
                break;
            }
            if (outcome instanceof ProbeOutcome.Refused refused) {
                refusal = refused.reason();
                break;
            }
            ProbeOutcome.Answered answer = (ProbeOutcome.Answered) outcome;
            if (HelloSpecs.negotiated(answer.hello()) != version.wire()) {
                refusal = "answered with " + TlsVersion.describe(HelloSpecs.negotiated(answer.hello()));
                break;
            }
            int suite = answer.hello().cipherSuite();
            if (!candidates.contains(suite)) {
                error = "the server chose " + registry.byCode(suite).name() + ", which was not offered";
                break;
            }
            if (answer.problem() != null && error == null) {
                error = answer.problem();
            }
            accepted.add(suite);
            candidates.remove(Integer.valueOf(suite));
            compression |= answer.hello().compression() != 0;
            if (first == null) {
                first = answer;
            }
        }
        String preference = accepted.size() < 2 ? null : preference(base, accepted);
        List<String> names = accepted.stream().map(code -> registry.byCode(code).name()).toList();
        ProtocolResult result = new ProtocolResult(version.label(), !accepted.isEmpty(), names, preference, List.of(),
                List.of(), accepted.isEmpty() ? refusal : null, error == null ? null : version.label() + ": " + error);
        return new VersionScan(result, List.copyOf(accepted), first, compression);
    }

    private String preference(ClientHelloSpec base, List<Integer> accepted) throws InterruptedException {
        List<Integer> reversed = new ArrayList<>(accepted).reversed();
        ProbeOutcome outcome = probe.run(base.withSuites(reversed), HandshakeProbe.Depth.HELLO);
        if (outcome instanceof ProbeOutcome.Answered answer) {
            int chosen = answer.hello().cipherSuite();
            if (chosen == accepted.getFirst()) {
                return "server";
            }
            if (chosen == reversed.getFirst()) {
                return "client";
            }
        }
        return null;
    }
}
