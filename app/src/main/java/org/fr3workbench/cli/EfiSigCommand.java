package org.fr3workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fr3workbench.probe.boot.AuthenticodeInspector;
import org.fr3workbench.probe.boot.AuthenticodeReport;
import org.fr3workbench.probe.boot.EfiSignatureDatabase;
import org.fr3workbench.probe.boot.PeFormatException;
import org.fr3workbench.probe.boot.SecureBootJudge;
import org.fr3workbench.probe.boot.SecureBootJudgement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 efi-sig FILE.efi [--db FILE] [--dbx FILE] [--json]}: Authenticode facts of an EFI binary and its db/dbx trust. */
@Command(name = "efi-sig", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Report the Authenticode signature of an EFI binary (PE/COFF): signer, digest algorithm, whether the "
            + "image digest matches and the signer signature verifies; with --db/--dbx (EFI signature lists, .esl or efivarfs "
            + "files) whether UEFI Secure Boot would trust it and whether dbx forbids it.",
            "Exit 1 when the binary has no valid signature, or db does not trust it, or dbx forbids it."})
final class EfiSigCommand implements Callable<Integer> {

    private static final long MAX_FILE = 512L * 1024 * 1024;

    private final java.util.function.Supplier<AuthenticodeInspector> inspector;
    private final java.util.function.Supplier<SecureBootJudge> judge;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE.efi", description = "The EFI binary (bootloader, unified kernel image).")
    private Path file;

    @Option(names = "--db", paramLabel = "FILE",
            description = "The allowed-signature database (db), e.g. /sys/firmware/efi/efivars/db-d719b2cb-...")
    private Path db;

    @Option(names = "--dbx", paramLabel = "FILE", description = "The forbidden-signature database (dbx).")
    private Path dbx;

    @Option(names = "--json", description = "Print JSON (fields in docs/authenticity-tests.md).")
    private boolean json;

    /** Suppliers, so that other commands do not load Bouncy Castle (and verify its signed jar) at start-up. */
    EfiSigCommand(java.util.function.Supplier<AuthenticodeInspector> inspector, java.util.function.Supplier<SecureBootJudge> judge) {
        this.inspector = inspector;
        this.judge = judge;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        AuthenticodeReport report;
        try {
            report = inspector.get().inspect(read(file));
        } catch (PeFormatException e) {
            throw new InputException(file + ": not a PE/COFF image: " + e.getMessage(), e);
        }
        SecureBootJudgement judgement = null;
        if (db != null || dbx != null) {
            judgement = judge.get().judge(report, database(db), database(dbx));
        }
        List<String> failures = new ArrayList<>();
        if (!report.signed()) {
            failures.add("the binary is not signed");
        } else if (!report.valid()) {
            failures.add("no signature is valid: "
                    + String.join("; ", report.signatures().stream().map(AuthenticodeReport.Signature::detail).toList()));
        }
        if (!report.problem().isEmpty()) {
            failures.add("certificate table: " + report.problem());
        }
        if (judgement != null && db != null && !judgement.trusted()) {
            failures.add("db does not trust it");
        }
        if (judgement != null && judgement.forbidden()) {
            failures.add("dbx forbids it");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            out.println(mapper.writeValueAsString(toJson(report, judgement, failures)));
        } else {
            printText(out, report, judgement, failures);
        }
        out.flush();
        return failures.isEmpty() ? 0 : Fr3Command.EXIT_FAILED;
    }

    private static byte[] read(Path path) {
        try {
            if (!Files.isRegularFile(path)) {
                throw new InputException(path + ": no such file");
            }
            if (Files.size(path) > MAX_FILE) {
                throw new InputException(path + ": larger than " + MAX_FILE + " bytes");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static EfiSignatureDatabase database(Path path) {
        if (path == null) {
            return new EfiSignatureDatabase(-1, List.of());
        }
        try {
            return EfiSignatureDatabase.read(read(path));
        } catch (PeFormatException e) {
            throw new InputException(path + ": not an EFI signature list: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> toJson(AuthenticodeReport report, SecureBootJudgement judgement, List<String> failures) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("machine", report.machine());
        root.put("subsystem", report.subsystem());
        root.put("sha256", report.sha256());
        root.put("signed", report.signed());
        root.put("signatures", report.signatures().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("subject", s.subject());
            m.put("issuer", s.issuer());
            m.put("serial", s.serial());
            m.put("digestAlgorithm", s.digestAlgorithm());
            m.put("embeddedDigest", s.embeddedDigest());
            m.put("computedDigest", s.computedDigest());
            m.put("digestMatches", s.digestMatches());
            m.put("signatureVerifies", s.signatureVerifies());
            m.put("certificates", s.chain().stream().map(c -> c.getSubjectX500Principal().getName()).toList());
            m.put("detail", s.detail().isEmpty() ? null : s.detail());
            return m;
        }).toList());
        root.put("problem", report.problem().isEmpty() ? null : report.problem());
        if (judgement != null) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("trusted", judgement.trusted());
            j.put("forbidden", judgement.forbidden());
            j.put("wouldBoot", judgement.wouldBoot());
            j.put("reasons", judgement.reasons());
            root.put("secureBoot", j);
        }
        root.put("ok", failures.isEmpty());
        root.put("failures", failures);
        return root;
    }

    private static void printText(PrintWriter out, AuthenticodeReport report, SecureBootJudgement judgement, List<String> failures) {
        out.printf("image:     %s, %s%n", report.machine(), report.subsystem());
        out.printf("sha256:    %s (Authenticode)%n", report.sha256());
        if (!report.signed()) {
            out.println("signature: none (no certificate table)");
        }
        int n = 1;
        for (AuthenticodeReport.Signature s : report.signatures()) {
            out.printf("signature %d: %s%n", n++, s.subject().isEmpty() ? "(signer certificate not embedded)" : s.subject());
            out.printf("           issuer %s, serial %s%n", s.issuer(), s.serial());
            out.printf("           digest %s: %s; signer signature: %s%n", s.digestAlgorithm(),
                    s.digestMatches() ? "matches the image" : "DOES NOT MATCH", s.signatureVerifies() ? "verifies" : "DOES NOT VERIFY");
        }
        if (judgement != null) {
            out.printf("db:        %s%n", judgement.trusted() ? "trusted" : "NOT trusted");
            out.printf("dbx:       %s%n", judgement.forbidden() ? "FORBIDDEN" : "not forbidden");
            judgement.reasons().forEach(r -> out.println("           " + r));
        }
        if (failures.isEmpty()) {
            out.println("result:    ok");
        } else {
            failures.forEach(f -> out.println("FAILED:    " + f));
        }
    }
}
