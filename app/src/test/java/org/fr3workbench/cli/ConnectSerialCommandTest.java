package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.fr3workbench.App;
import org.fr3workbench.testsupport.SimulatedConsole;
import org.fr3workbench.testsupport.SocatPtyPair;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 connect FILE serial:…} and {@code fr3 exec} over a socat pty pair with a scripted console that echoes the password. */
@Tag("peer")
class ConnectSerialCommandTest {

    @TempDir
    Path dir;
    private SocatPtyPair pty;
    private SimulatedConsole device;
    private final App app = new App(name -> Map.of("CONSOLE_PASSWORD", TestSecrets.SERIAL_PASSWORD, "WRONG", "not-it").get(name));

    @BeforeEach
    void cable() throws Exception {
        pty = SocatPtyPair.start(dir);
        device = SimulatedConsole.start(pty.deviceSide(), "root", TestSecrets.SERIAL_PASSWORD, true,
                Files.createDirectories(dir.resolve("device-home")), 7, 0.2);
    }

    @AfterEach
    void unplug() throws Exception {
        device.close();
        pty.close();
    }

    private Path assessment() {
        Path file = dir.resolve("console.fr3");
        assertThat(CliRun.of(app, "new", file.toString(), "--product", "Console device", "--component-type", "EDR",
                "--target-sl", "2", "--assessor", "Dana Assessor").exitCode()).isZero();
        return file;
    }

    @Test
    void connectsOverTheConsoleRecordsTheIdentityAndExecReusesTheTarget() throws Exception {
        Path file = assessment();
        String address = "serial:" + pty.hostSide() + "?baud=115200&parity=none&stop-bits=1&flow=none";

        CliRun connected = CliRun.of(app, "connect", file.toString(), address, "--login", "root",
                "--password-env", "CONSOLE_PASSWORD", "--serial-number", "SN-SER-9", "--firmware", "4.2.1");
        assertThat(connected.exitCode()).as(connected.err()).isZero();
        assertThat(connected.out()).contains("serial " + pty.hostSide(), "SN-SER-9", "4.2.1");

        CliRun status = CliRun.of(app, "status", file.toString(), "--json");
        assertThat(status.out()).contains("serial:" + pty.hostSide() + "?baud=115200&data=8&parity=none&stop=1&flow=none",
                "SN-SER-9");

        CliRun exec = CliRun.of(app, "exec", file.toString(), "--login", "root", "--password-env", "CONSOLE_PASSWORD",
                "--", "echo serial-$((6*7)); exit 5");
        assertThat(exec.exitCode()).as(exec.err()).isEqualTo(5);
        assertThat(exec.out()).isEqualTo("serial-42\n");

        CliRun verify = CliRun.of(app, "verify", file.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertNoPassword(file);
    }

    @Test
    void aWrongPasswordFailsWithExitOneAndBadOptionsAreRefusedAsInput() throws Exception {
        Path file = assessment();
        String address = "serial:" + pty.hostSide();

        CliRun wrong = CliRun.of(app, "connect", file.toString(), address, "--login", "root", "--password-env", "WRONG");
        assertThat(wrong.exitCode()).isEqualTo(1);
        assertThat(wrong.err()).containsIgnoringCase("login");

        CliRun hostKey = CliRun.of(app, "connect", file.toString(), address, "--host-key", "SHA256:x");
        assertThat(hostKey.exitCode()).isEqualTo(2);
        assertThat(hostKey.err()).contains("--host-key", "serial console has no host key");
        CliRun badParity = CliRun.of(app, "connect", file.toString(), address + "?parity=sometimes");
        assertThat(badParity.exitCode()).isEqualTo(2);
        assertThat(badParity.err()).contains("parity");
        CliRun keyOnSerial = CliRun.of(app, "connect", file.toString(), address, "--identity", "/nonexistent/key");
        assertThat(keyOnSerial.exitCode()).isEqualTo(2);
        assertThat(keyOnSerial.err()).contains("--identity", "serial");
        CliRun noPort = CliRun.of(app, "connect", file.toString(), "serial:" + dir.resolve("no-such-tty"));
        assertThat(noPort.exitCode()).isEqualTo(1);
        assertThat(noPort.err()).contains("no-such-tty");

        CliRun status = CliRun.of(app, "status", file.toString(), "--json");
        assertThat(status.out()).doesNotContain("serial:");
        assertNoPassword(file);
    }

    private void assertNoPassword(Path file) throws Exception {
        for (Path raw : new Path[] {file, file.resolveSibling(file.getFileName() + "-wal")}) {
            if (Files.exists(raw)) {
                assertThat(new String(Files.readAllBytes(raw), StandardCharsets.ISO_8859_1))
                        .doesNotContain(TestSecrets.SERIAL_PASSWORD);
            }
        }
        Path log = Path.of(System.getProperty("fr3.log.dir", dir.toString()), "fr3.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log, StandardCharsets.ISO_8859_1)).doesNotContain(TestSecrets.SERIAL_PASSWORD);
        }
    }
}
