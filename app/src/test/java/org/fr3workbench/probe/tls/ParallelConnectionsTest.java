package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scanner never has more connections open than {@code parallel}, and reports its progress. */
class ParallelConnectionsTest {

    /** Opens direct connections and keeps count of how many are open at once. */
    private static final class CountingFactory implements ConnectionFactory {
        private final DirectConnectionFactory direct = new DirectConnectionFactory();
        private final AtomicInteger open = new AtomicInteger();
        private final AtomicInteger max = new AtomicInteger();
        private final AtomicInteger total = new AtomicInteger();

        @Override
        public Socket open(String host, int port, int connectTimeoutMillis) throws IOException {
            Socket real = direct.open(host, port, connectTimeoutMillis);
            total.incrementAndGet();
            max.accumulateAndGet(open.incrementAndGet(), Math::max);
            return new Socket() {
                private boolean closed;

                @Override
                public java.io.InputStream getInputStream() throws IOException {
                    return real.getInputStream();
                }

                @Override
                public java.io.OutputStream getOutputStream() throws IOException {
                    return real.getOutputStream();
                }

                @Override
                public void setSoTimeout(int timeout) throws java.net.SocketException {
                    real.setSoTimeout(timeout);
                }

                @Override
                public synchronized void close() throws IOException {
                    if (!closed) {
                        closed = true;
                        open.decrementAndGet();
                    }
                    real.close();
                }
            };
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void connectionsStayWithinTheLimit(int parallel) throws Exception {
        CountingFactory factory = new CountingFactory();
        List<String> steps = new CopyOnWriteArrayList<>();
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.ALERT_MID_HANDSHAKE)) {
            TlsScanResult result = new TlsScanner(factory, TestPolicies.REGISTRY).scan(server.target(),
                    new TlsScanOptions(parallel, 2000, 2000, TestPolicies.bsi()), (step, connections) -> steps.add(step),
                    TlsScanCancellation.NONE);
            assertThat(result.connections()).isEqualTo(factory.total.get()).isGreaterThan(5);
        }
        assertThat(factory.max.get()).isLessThanOrEqualTo(parallel);
        if (parallel > 1) {
            assertThat(factory.max.get()).as("versions are scanned in parallel").isGreaterThan(1);
        }
        assertThat(factory.open.get()).as("every connection closed").isZero();
        assertThat(steps).contains("TLSv1.3: cipher suites", "TLSv1.2: cipher suites", "SSLv3: cipher suites");
    }
}
