package org.fr3workbench.report.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/** Asks an RFC 3161 time-stamp authority over HTTP for a token over a SHA-256 digest. */
public final class TimeStampClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final URI url;
    private final HttpClient http;
    private final SecureRandom random = new SecureRandom();

    public TimeStampClient(URI url) {
        this.url = url;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    public TimeStampToken timeStamp(byte[] sha256) throws SigningException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256,
                new BigInteger(64, random));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SigningException("time-stamp server " + url + " cannot be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningException("interrupted while waiting for the time-stamp server " + url, e);
        }
        if (response.statusCode() != 200) {
            throw new SigningException("time-stamp server " + url + " answered HTTP " + response.statusCode());
        }
        try {
            TimeStampResponse tsr = new TimeStampResponse(response.body());
            tsr.validate(request);
            TimeStampToken token = tsr.getTimeStampToken();
            if (token == null) {
                throw new SigningException("time-stamp server " + url + " refused: " + tsr.getStatusString());
            }
            return token;
        } catch (TSPException | IOException e) {
            throw new SigningException("time-stamp server " + url + " sent an invalid answer: " + e.getMessage(), e);
        }
    }
}
