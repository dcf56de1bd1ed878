package org.fr3workbench.device.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.InteractiveConsole;

/** A login shell on a pseudo-terminal ({@code xterm-256color}). */
final class SshConsole implements InteractiveConsole {

    private final Session session;
    private final Session.Shell shell;

    private SshConsole(Session session, Session.Shell shell) {
        this.session = session;
        this.shell = shell;
    }

    static SshConsole open(SSHClient client, String description, int columns, int rows) throws DeviceException {
        Session session = null;
        try {
            session = client.startSession();
            session.allocatePTY("xterm-256color", columns, rows, 0, 0, Map.of());
            return new SshConsole(session, session.startShell());
        } catch (IOException e) {
            if (session != null) {
                try {
                    session.close();
                } catch (IOException ignored) {
                    // reporting the first failure matters more
                }
            }
            throw new DeviceException("cannot open a terminal on " + description + ": " + SshConnector.safeMessage(e), e);
        }
    }

    @Override
    public OutputStream input() {
        return shell.getOutputStream();
    }

    @Override
    public InputStream output() {
        return shell.getInputStream();
    }

    @Override
    public void resize(int columns, int rows) throws IOException {
        shell.changeWindowDimensions(columns, rows, 0, 0);
    }

    @Override
    public void close() throws IOException {
        session.close();
    }
}
