package org.fr3workbench.probe.tls;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IANA cipher suite registry, read from {@code assets/policy/iana-tls-cipher-suites.txt}
 * (one {@code CODE NAME KIND} line per suite).
 */
public final class CipherSuiteRegistry {

    /** The registry shipped inside the application. */
    public static final String BUNDLED_RESOURCE = "/assets/policy/iana-tls-cipher-suites.txt";

    private final Map<Integer, CipherSuite> byCode;
    private final Map<String, CipherSuite> byName;

    private CipherSuiteRegistry(List<CipherSuite> suites) {
        Map<Integer, CipherSuite> codes = new LinkedHashMap<>();
        Map<String, CipherSuite> names = new LinkedHashMap<>();
        for (CipherSuite suite : suites) {
            codes.put(suite.code(), suite);
            names.put(suite.name(), suite);
        }
        this.byCode = Collections.unmodifiableMap(codes);
        this.byName = Collections.unmodifiableMap(names);
    }

    /** Loads the registry bundled with the application; a broken bundle is a build defect. */
    public static CipherSuiteRegistry bundled() {
        try (InputStream in = CipherSuiteRegistry.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The cipher suite registry " + BUNDLED_RESOURCE + " is missing");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CipherSuiteRegistry parse(InputStream in) throws IOException {
        List<CipherSuite> suites = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String[] parts = text.split("\\s+");
            if (parts.length != 3 || !parts[0].startsWith("0x")) {
                throw new IllegalStateException("cipher suite registry line " + number + ": expected 'CODE NAME KIND'");
            }
            CipherSuite.Kind kind = switch (parts[2].toLowerCase(Locale.ROOT)) {
                case "tls" -> CipherSuite.Kind.LEGACY;
                case "tls13" -> CipherSuite.Kind.TLS13;
                case "scsv" -> CipherSuite.Kind.SCSV;
                default -> throw new IllegalStateException("cipher suite registry line " + number + ": unknown kind " + parts[2]);
            };
            suites.add(new CipherSuite(Integer.parseInt(parts[0].substring(2), 16), parts[1], kind));
        }
        return new CipherSuiteRegistry(suites);
    }

    /** Every suite that can be negotiated with the version, in registry order. */
    public List<CipherSuite> usableWith(TlsVersion version) {
        return byCode.values().stream().filter(s -> s.usableWith(version)).toList();
    }

    /** The suite for a wire value; unknown values get a placeholder name such as {@code UNKNOWN_0x0A0A}. */
    public CipherSuite byCode(int code) {
        CipherSuite suite = byCode.get(code);
        return suite != null ? suite
                : new CipherSuite(code, String.format("UNKNOWN_0x%04X", code), CipherSuite.Kind.LEGACY);
    }

    /** The suite with this IANA name, if it is in the registry. */
    public Optional<CipherSuite> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The number of entries. */
    public int size() {
        return byCode.size();
    }
}
