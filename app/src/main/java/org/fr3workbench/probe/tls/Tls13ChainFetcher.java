package org.fr3workbench.probe.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads the certificate chain of a TLS 1.3-only server, where the Certificate message is encrypted: one
 * handshake with the JDK's TLS stack over a connection from the scan's {@link ConnectionFactory}. The trust
 * manager only records the chain and then refuses it, so the handshake never completes and nothing is ever
 * trusted or sent (ADR 0020).
 */
final class Tls13ChainFetcher {

    private final ScanContext context;

    Tls13ChainFetcher(ScanContext context) {
        this.context = context;
    }

    /** The chain, leaf first; empty with the reason in {@code problem} when it cannot be read. */
    List<CertificateInfo> fetch(List<String> problem) throws InterruptedException {
        context.progress("TLSv1.3: certificate chain");
        Socket raw;
        try {
            raw = context.open();
        } catch (IOException e) {
            problem.add("certificate chain: " + e.getMessage());
            return List.of();
        }
        AtomicReference<X509Certificate[]> captured = new AtomicReference<>();
        try (raw) {
            SSLContext tls = SSLContext.getInstance("TLSv1.3");
            tls.init(null, new TrustManager[] {new Capture(captured)}, null);
            raw.setSoTimeout(context.options().readTimeoutMillis());
            String host = context.target().serverName() != null ? context.target().serverName() : context.target().host();
            Thread watchdog = Thread.ofVirtual().name("tls-chain-deadline").start(() -> closeAfter(raw,
                    context.options().readTimeoutMillis()));
            try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, context.target().port(), false)) {
                socket.setEnabledProtocols(new String[] {"TLSv1.3"});
                socket.startHandshake();
            } catch (IOException expected) {
                // The capture refuses the chain on purpose; the handshake always ends here.
            } finally {
                watchdog.interrupt();
            }
        } catch (IOException | GeneralSecurityException e) {
            problem.add("certificate chain: " + e.getMessage());
        } finally {
            context.release();
        }
        X509Certificate[] chain = captured.get();
        if (chain == null) {
            problem.add("certificate chain: the TLS 1.3 handshake ended before the server's certificate");
            return List.of();
        }
        List<CertificateInfo> out = new ArrayList<>();
        try {
            for (int i = 0; i < chain.length; i++) {
                out.add(CertificateReader.info(i, chain[i]));
            }
        } catch (CertificateException e) {
            problem.add("certificate chain: " + e.getMessage());
        }
        return List.copyOf(out);
    }

    /** Closes the socket at the deadline, so that a server trickling bytes cannot hold the JDK handshake. */
    private static void closeAfter(Socket socket, int millis) {
        try {
            Thread.sleep(millis);
            socket.close();
        } catch (InterruptedException | IOException finished) {
            // the handshake ended first, or the socket is closed already
        }
    }

    /** Records the server's chain and refuses it. */
    private static final class Capture extends X509ExtendedTrustManager {
        private final AtomicReference<X509Certificate[]> captured;

        Capture(AtomicReference<X509Certificate[]> captured) {
            this.captured = captured;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            captured.set(chain.clone());
            throw new CertificateException("chain recorded for the scan report; not trusted");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
