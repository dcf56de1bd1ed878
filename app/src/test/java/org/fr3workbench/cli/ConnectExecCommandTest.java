package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fr3workbench.App;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 connect} and {@code fr3 exec} against a real OpenSSH sshd on 127.0.0.1. */
@Tag("peer")
class ConnectExecCommandTest {

    @TempDir
    static Path serverDir;
    private static OpenSshServer sshd;

    @TempDir
    Path dir;

    private final App app = new App(name -> Map.of("DEVICE_PASSWORD", TestSecrets.SSH_PASSWORD).get(name));

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(serverDir.resolve("sshd"));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private Path assessment() {
        Path file = dir.resolve("device.fr3");
        assertThat(CliRun.of(app, "new", file.toString(), "--product", "Lab device", "--component-type", "EDR",
                "--target-sl", "2", "--assessor", "Dana Assessor").exitCode()).isZero();
        return file;
    }

    private String target() {
        return "ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port();
    }

    @Test
    void anUnknownHostKeyIsRefusedUnlessPinnedThenCommandsRunAndAreRecorded() throws Exception {
        Path file = assessment();

        CliRun refused = CliRun.of(app, "connect", file.toString(), target(), "--password-env", "DEVICE_PASSWORD");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains(sshd.hostFingerprint());

        CliRun wrongPin = CliRun.of(app, "connect", file.toString(), target(), "--password-env", "DEVICE_PASSWORD",
                "--host-key", "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(wrongPin.exitCode()).isEqualTo(1);

        CliRun connected = CliRun.of(app, "connect", file.toString(), target(), "--identity", sshd.clientKey().toString(),
                "--host-key", sshd.hostFingerprint(), "--serial-number", "SN-0042");
        assertThat(connected.exitCode()).as(connected.err()).isZero();
        assertThat(connected.out()).contains(sshd.hostFingerprint(), "SN-0042");

        CliRun exec = CliRun.of(app, "exec", file.toString(), "--password-env", "DEVICE_PASSWORD", "--requirement", "CR 3.7",
                "--", "echo marker-$((6*7)); echo oops >&2; exit 3");
        assertThat(exec.exitCode()).isEqualTo(3);
        assertThat(exec.out()).isEqualTo("marker-42\n");
        assertThat(exec.err()).contains("oops");

        CliRun status = CliRun.of(app, "status", file.toString(), "--json");
        assertThat(status.out()).contains(sshd.hostFingerprint());
        CliRun verify = CliRun.of(app, "verify", file.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        for (String name : new String[] {"device.fr3", "device.fr3-wal"}) {
            Path raw = dir.resolve(name);
            if (Files.exists(raw)) {
                assertThat(new String(Files.readAllBytes(raw), StandardCharsets.ISO_8859_1)).doesNotContain(TestSecrets.SSH_PASSWORD);
            }
        }
    }
}
