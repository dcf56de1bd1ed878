package org.fr3workbench.report.sample;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.IdentityCapture;
import org.fr3workbench.domain.DeviceIdentity;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.TargetIdentity;
import org.fr3workbench.domain.Transcript;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;

/** What the sample records: this computer's identity, OpenSSL transcripts and two verdicts with rationales. */
final class SampleContent {

    static final String ABOUT = "SAMPLE ASSESSMENT. FR3 Workbench made this file to show the whole flow without hardware: "
            + "the assessor's own computer stands in for the device (local channel), a few real commands ran on it, "
            + "and the verdicts below were set by the workbench, not by an assessor. The dossier made from it is signed "
            + "with a demo key that identifies nobody. Nothing here is a finding about a product.";
    static final String COMMUNICATION_INTEGRITY = "CR 3.1";
    static final String PHYSICAL_TAMPER = "HDR 3.11";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_TEXT = 256 * 1024;
    /** The identity commands kept as evidence: hostname, uname -a, /etc/os-release (not the machine id). */
    private static final int IDENTITY_COMMANDS_KEPT = 3;
    private static final List<String> OPENSSL = List.of("openssl version", "openssl ciphers -s -stdname -tls1_3",
            "openssl ciphers -s -stdname -tls1_2", "openssl ciphers -s -v");

    private final AssessmentStore store;
    private final DeviceChannel channel;
    private final String actor;
    private String version = "";
    private String tls13 = "";

    SampleContent(AssessmentStore store, DeviceChannel channel, String actor) {
        this.store = store;
        this.channel = channel;
        this.actor = actor;
    }

    /** Records hostname, uname -a and /etc/os-release as evidence and this computer as the target. */
    void recordIdentity() throws DeviceException, IOException {
        try (IdentityCapture capture = channel.identify("", "SAMPLE")) {
            List<CommandResult> results = capture.results();
            for (CommandResult result : results.subList(0, Math.min(IDENTITY_COMMANDS_KEPT, results.size()))) {
                record("", "identity " + result.transcript().command(), "identity of this computer (sample target)", result);
            }
            DeviceIdentity identity = capture.identity();
            store.setTarget(new TargetIdentity("local:" + identity.hostname(), "", identity.osRelease(), ""), actor);
        }
    }

    /** Runs the OpenSSL commands locally; each transcript is evidence for CR 3.1. */
    void recordOpenSsl(CancellationToken cancel) throws DeviceException, IOException {
        for (String text : OPENSSL) {
            cancel.check();
            try (CommandResult result = channel.run(CommandRequest.of(Command.shell(text), TIMEOUT))) {
                record(COMMUNICATION_INTEGRITY, text, "sample transcript: " + text, result);
                String stdout = result.transcript().succeeded() ? result.stdoutText(MAX_TEXT) : "";
                if (text.equals("openssl version")) {
                    version = stdout.strip();
                } else if (text.endsWith("-tls1_3")) {
                    tls13 = stdout;
                }
            }
        }
    }

    /** Two verdicts with rationales, both marked as the workbench's sample decisions. */
    void recordVerdicts() {
        boolean openSsl3 = version.startsWith("OpenSSL 3.");
        boolean chacha = tls13.contains("TLS_CHACHA20_POLY1305_SHA256");
        String found = version.isEmpty() ? "OpenSSL did not run on this computer" : "This computer reports '" + version + "'";
        String rationale = "SAMPLE verdict set by FR3 Workbench on the assessor's own computer, not a product finding. "
                + found + (chacha ? "; its TLS 1.3 default suites include TLS_CHACHA20_POLY1305_SHA256, which is not on the "
                + "BSI TR-02102-2 list" : "") + ". A real assessment compares every enabled suite of the device with the "
                + "policy and scans its TLS services.";
        store.verdicts().set(COMMUNICATION_INTEGRITY, openSsl3 && !chacha ? VerdictDecision.MET : VerdictDecision.NOT_MET,
                rationale, actor);
        store.verdicts().set(PHYSICAL_TAMPER, VerdictDecision.NOT_APPLICABLE, "SAMPLE verdict: a general-purpose computer "
                + "stands in for the device here, so there is no product enclosure to examine. On a real product, "
                + "tamper resistance and detection are checked on the hardware itself.", actor);
    }

    private void record(String requirement, String name, String caption, CommandResult result) throws IOException {
        Transcript t = result.transcript();
        store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, requirement, name, "text/plain; charset=utf-8", caption,
                channel.description(), t.startedAt()), transcript(result), actor, ProgressMonitor.NONE);
    }

    /** The transcript as one text: command, channel and time, stdout, stderr, then how it ended. */
    private static InputStream transcript(CommandResult result) throws IOException {
        Transcript t = result.transcript();
        String ending = t.exitCode().isPresent() ? "exit code " + t.exitCode().getAsInt() : t.outcome().toString();
        return new SequenceInputStream(Collections.enumeration(List.of(
                utf8("$ " + t.command() + "\n# on " + t.channel() + " at " + t.startedAt() + "\n"),
                result.output().stdout().open(), utf8("\n# stderr:\n"), result.output().stderr().open(),
                utf8("\n# " + ending + " at " + t.endedAt() + "\n"))));
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("the demo certificate cannot be encoded", e);
        }
    }
}
