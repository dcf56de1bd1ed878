package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fr3workbench.App;
import org.fr3workbench.testsupport.OpenSslServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 tls-scan}: output, exit codes and errors. */
class TlsScanCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Fr3Command.execute(new App(), new PrintWriter(out), new PrintWriter(err), args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    @Tag("peer")
    void jsonOfAFailingServerFollowsTheDocumentedSchemaAndExitsOne() throws Exception {
        Path[] cert = OpenSslServer.certificate(dir, "cli", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        try (OpenSslServer server = OpenSslServer.start(dir, cert, "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256",
                "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256")) {
            Run run = run("tls-scan", "127.0.0.1:" + server.port(), "--json", "--parallel", "1", "--timeout", "3000");
            assertThat(run.exit()).as(run.err()).isEqualTo(1);
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("target").asText()).isEqualTo("127.0.0.1:" + server.port());
            assertThat(json.get("connections").asInt()).isGreaterThan(5);
            assertThat(json.get("result").asText()).isEqualTo("fail");
            assertThat(json.get("policy").get("id").asText()).isEqualTo("bsi-tr-02102-2");
            JsonNode tls13 = json.get("protocols").get(4);
            assertThat(tls13.get("name").asText()).isEqualTo("TLSv1.3");
            List<String> accepted = new ArrayList<>();
            tls13.get("accepted").forEach(n -> accepted.add(n.asText()));
            assertThat(accepted).containsExactlyInAnyOrder("TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256");
            List<String> failed = new ArrayList<>();
            json.get("findings").forEach(f -> {
                assertThat(f.get("result").asText()).isIn("pass", "fail");
                if (f.get("result").asText().equals("fail")) {
                    failed.add(f.get("rule").asText() + " " + f.get("subject").asText());
                }
            });
            assertThat(failed).containsExactly("suite.allowed TLSv1.3 TLS_CHACHA20_POLY1305_SHA256");
            assertThat(json.get("certificates").get(0).get("keyType").asText()).isEqualTo("EC");
        }
    }

    @Test
    @Tag("peer")
    void aConformingServerPassesWithExitZeroAndAReadableTable() throws Exception {
        Path[] cert = OpenSslServer.certificate(dir, "good", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        try (OpenSslServer server = OpenSslServer.start(dir, cert, "-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384")) {
            Run run = run("tls-scan", "127.0.0.1:" + server.port(), "--policy", "cip");
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("TLS scan of 127.0.0.1:" + server.port()).contains("Policy: cip rev 001 (2025-08-06)")
                    .containsPattern("TLSv1\\.3 +yes +TLS_AES_256_GCM_SHA384 +pass").contains("Result: PASS");
        }
    }

    @Test
    void anUnreachableTargetExitsTwoWithAClearMessage() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Run run = run("tls-scan", "127.0.0.1:" + port, "--timeout", "1000");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fr3: cannot connect to 127.0.0.1:" + port + ": Connection refused");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void badUsageExitsTwo() {
        Run noPort = run("tls-scan", "example.org");
        assertThat(noPort.exit()).isEqualTo(2);
        assertThat(noPort.err()).contains("Invalid HOST:PORT: 'example.org' is not HOST:PORT");
        Run parallel = run("tls-scan", "127.0.0.1:443", "--parallel", "0");
        assertThat(parallel.exit()).isEqualTo(2);
        assertThat(parallel.err()).contains("'--parallel': 0 is not between 1 and 64");
        Run policy = run("tls-scan", "127.0.0.1:443", "--policy", "nist");
        assertThat(policy.exit()).isEqualTo(2);
        assertThat(policy.err()).contains("fr3: policy 'nist' is neither a bundled policy (bsi-tr-02102-2, cip) nor a readable file");
    }

    @Test
    void aBrokenPolicyFileIsNamedWithLineAndColumn() throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, """
                schema: 1
                id: mine
                title: Mine
                version: "1"
                date: "2026-02"
                source: me
                protocols: [TLSv1.3]
                suites:
                  TLSv1.3: [TLS_AES_128_GCM_SHA256, TLS_AES_999_GCM_SHA384]
                """);
        Run run = run("tls-scan", "127.0.0.1:443", "--policy", file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fr3: invalid policy " + file + ":9:37: unknown cipher suite 'TLS_AES_999_GCM_SHA384'");
    }
}
