package org.fr3workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.probe.update.CmsSignatureReport;
import org.fr3workbench.probe.update.SwuInspection;
import org.fr3workbench.probe.update.SwuInspector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 swu-inspect IMAGE.swu [--cert CERT] [--json]}: the members, order and signer of an SWUpdate image. */
@Command(name = "swu-inspect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Read an SWUpdate image (.swu, cpio newc/crc): list its members, check that sw-description and "
            + "sw-description.sig come first, and report the CMS signer and whether the signature verifies.",
            "Exit 1 when the archive is malformed, the order is wrong, the signature is missing or does not verify "
                + "(with --cert: with that certificate)."})
final class SwuInspectCommand implements Callable<Integer> {

    private final Supplier<SwuInspector> inspector;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "IMAGE.swu", description = "The update image.")
    private Path image;

    @Option(names = "--cert", paramLabel = "CERT",
            description = "The device's public key certificate (PEM or DER), as given to swupdate -k.")
    private Path cert;

    @Option(names = "--json", description = "Print JSON (fields in docs/authenticity-tests.md).")
    private boolean json;

    SwuInspectCommand(Supplier<SwuInspector> inspector) {
        this.inspector = inspector;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        if (!Files.isRegularFile(image)) {
            throw new InputException(image + ": no such file");
        }
        Optional<X509Certificate> trusted = cert == null ? Optional.empty() : Optional.of(readCertificate(cert));
        SwuInspection inspection;
        try {
            inspection = inspector.get().inspect(image, trusted);
        } catch (IOException e) {
            throw new InputException(image + ": cannot be read: " + e.getMessage(), e);
        }
        List<String> failures = failures(inspection, trusted.isPresent());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(inspection, failures)));
        } else {
            printText(out, inspection, failures);
        }
        out.flush();
        return failures.isEmpty() ? 0 : Fr3Command.EXIT_FAILED;
    }

    static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException | ClassCastException e) {
            throw new InputException(file + ": not a readable X.509 certificate (PEM or DER): " + e.getMessage(), e);
        }
    }

    private static List<String> failures(SwuInspection inspection, boolean certGiven) {
        List<String> failures = new ArrayList<>();
        if (!inspection.structureOk()) {
            failures.add("archive: " + inspection.problem());
        }
        if (!inspection.orderOk()) {
            failures.add("order: the first two members are not sw-description and sw-description.sig");
        }
        if (inspection.signature().isEmpty()) {
            failures.add("signature: no sw-description.sig to check");
        } else if (!inspection.signatureOk(certGiven)) {
            failures.add("signature: does not verify " + (certGiven ? "with the given certificate" : "with the embedded certificate"));
        }
        return failures;
    }

    private static Map<String, Object> toJson(SwuInspection inspection, List<String> failures) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("size", inspection.size());
        root.put("sha256", inspection.sha256());
        root.put("format", inspection.format().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
        root.put("entries", inspection.entries().stream().map(m -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", m.entry().name());
            e.put("size", m.entry().size());
            e.put("mode", m.entry().modeOctal());
            e.put("checksum", m.entry().checksum());
            e.put("sha256", m.sha256());
            e.put("listedInDescription", m.listedInDescription());
            return e;
        }).toList());
        root.put("orderOk", inspection.orderOk());
        root.put("problem", inspection.problem().isEmpty() ? null : inspection.problem());
        root.put("signature", inspection.signature().map(SwuInspectCommand::signatureJson).orElse(null));
        root.put("ok", failures.isEmpty());
        root.put("failures", failures);
        return root;
    }

    private static Map<String, Object> signatureJson(CmsSignatureReport report) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("parsed", report.parsed());
        s.put("detached", report.detached());
        s.put("problem", report.problem().isEmpty() ? null : report.problem());
        s.put("signers", report.signers().stream().map(signer -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", signer.subject());
            m.put("issuer", signer.issuer());
            m.put("serial", signer.serial());
            m.put("digestAlgorithm", signer.digestAlgorithm());
            m.put("signatureAlgorithm", signer.signatureAlgorithm());
            m.put("signingTime", signer.signingTime().map(Object::toString).orElse(null));
            m.put("verifiesWithEmbedded", signer.verifiesWithEmbedded().orElse(null));
            m.put("verifiesWithGiven", signer.verifiesWithGiven().orElse(null));
            m.put("detail", signer.detail().isEmpty() ? null : signer.detail());
            return m;
        }).toList());
        return s;
    }

    private static void printText(PrintWriter out, SwuInspection inspection, List<String> failures) {
        out.printf("format:  %s, %d bytes%n", inspection.format().map(Enum::name).orElse("none"), inspection.size());
        out.printf("sha256:  %s%n", inspection.sha256());
        out.printf("%-32s %10s %-7s %-8s %s%n", "MEMBER", "SIZE", "MODE", "CHECKSUM", "SHA-256 (* = listed in sw-description)");
        for (SwuInspection.Member m : inspection.entries()) {
            out.printf("%-32s %10d %-7s %08X %s%s%n", m.entry().name(), m.entry().size(), m.entry().modeOctal(), m.entry().checksum(),
                    m.sha256(), m.listedInDescription() ? " *" : "");
        }
        out.printf("order:   %s%n", inspection.orderOk() ? "sw-description, sw-description.sig first" : "WRONG");
        inspection.signature().ifPresent(report -> {
            if (!report.parsed()) {
                out.printf("signer:  %s%n", report.problem());
            }
            for (CmsSignatureReport.Signer s : report.signers()) {
                out.printf("signer:  %s (issuer %s, serial %s)%n", s.subject().isEmpty() ? "(certificate not embedded)" : s.subject(),
                        s.issuer(), s.serial());
                out.printf("         %s with %s%s%n", s.digestAlgorithm(), s.signatureAlgorithm(),
                        s.signingTime().map(t -> ", signed " + t).orElse(""));
                out.printf("         verifies with embedded certificate: %s; with given certificate: %s%n",
                        s.verifiesWithEmbedded().map(b -> b ? "yes" : "NO").orElse("-"),
                        s.verifiesWithGiven().map(b -> b ? "yes" : "NO").orElse("-"));
            }
        });
        if (failures.isEmpty()) {
            out.println("result:  ok");
        } else {
            failures.forEach(f -> out.println("FAILED:  " + f));
        }
    }
}
