package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.App;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REAL bundled CR 3.1 / CR 3.1 RE(1) steps run by the {@link StepRunner} with this machine as the device (local
 * channel): the test-server step starts a real {@code openssl s_server} on 127.0.0.1, the handshake and certificate
 * steps check it with {@code openssl s_client} from the assessor's side, and stop-test-server stops it and removes its
 * key, certificate and log.
 */
@Tag("peer")
class TlsProceduresPeerTest {

    static ProcedureLibrary library;
    @TempDir
    Path dir;
    RunnerFixture fixture;
    Map<String, String> parameters;
    int port;

    @BeforeAll
    static void load() {
        Peers.require("openssl", "openssl");
        Peers.require("timeout", "coreutils");
        library = new App().procedures(); // the bundled procedures as the application loads them
    }

    @AfterEach
    void close() {
        if (parameters != null && fixture != null) {
            run("CR 3.1", "stop-test-server"); // also after a failed assertion: no server outlives the test
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private void open() throws Exception {
        fixture = new RunnerFixture(dir.resolve("runner"), List.of());
        port = freePort();
        parameters = new java.util.HashMap<>(library.defaults());
        parameters.put("tls-port", Integer.toString(port));
        parameters.put("tls-work-dir", dir.resolve("device tls").toString()); // a space: the path must be quoted
        parameters.put("tls-server-lifetime", "120");
        parameters.put(ProcedureSession.DEVICE_HOST, "127.0.0.1");
    }

    private StepResult run(String requirement, String stepId) {
        Step step = library.procedure(requirement).orElseThrow().step(stepId).orElseThrow();
        StepContext context = new StepContext(requirement, Optional.of(fixture.laptop), fixture.laptop, parameters, "Alice",
                IntrusiveConsent.ALWAYS);
        return fixture.runner.run(context, step, StepListener.NONE, Cancellation.create());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    @Test
    void handshakesAndCertificatePassAgainstTheTemporaryTestServerWhichStopsWithoutTrace() throws Exception {
        open();
        StepResult server = run("CR 3.1", "test-server");
        assertThat(server.outcome()).as(server.reason()).isEqualTo(StepOutcome.PASS);
        assertThat(listening()).as("s_server listens on 127.0.0.1:%d", port).isTrue();
        assertThat(dir.resolve("device tls").resolve("cert.pem")).exists();

        for (String step : List.of("tls13-handshake", "tls12-handshake", "tls11-refused")) {
            StepResult result = run("CR 3.1", step);
            assertThat(result.outcome()).as(step + ": " + result.reason()).isEqualTo(StepOutcome.PASS);
        }
        StepResult certificate = run("CR 3.1 RE(1)", "server-certificate");
        assertThat(certificate.outcome()).as(certificate.reason()).isEqualTo(StepOutcome.PASS);

        StepResult stop = run("CR 3.1", "stop-test-server");
        assertThat(stop.outcome()).as(stop.reason()).isIn(StepOutcome.PASS, StepOutcome.INCONCLUSIVE);
        assertThat(dir.resolve("device tls")).doesNotExist();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (listening() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(listening()).as("s_server stopped").isFalse();

        // With the server gone the same handshake step fails: the step can tell.
        StepResult after = run("CR 3.1", "tls13-handshake");
        assertThat(after.outcome()).as(after.reason()).isIn(StepOutcome.FAIL, StepOutcome.ERROR);
    }
}
