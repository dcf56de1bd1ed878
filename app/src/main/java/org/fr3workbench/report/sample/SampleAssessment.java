package org.fr3workbench.report.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.AssessmentDossier;
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.report.DossierExporter;
import org.fr3workbench.report.ExportOptions;
import org.fr3workbench.report.ProgressListener;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningKey;
import org.fr3workbench.report.sign.SigningRequest;
import org.fr3workbench.report.verify.DossierVerifier;
import org.fr3workbench.report.verify.VerificationResult;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;

/**
 * The first-run sample: an assessment of the assessor's own computer through the local channel (its
 * identity and a few OpenSSL commands as transcript evidence, two verdicts with rationales), exported as
 * a dossier signed with a freshly generated demo key, then verified. Everything says SAMPLE; the demo
 * key's subject says that it is not an assessor identity. Runs on the caller's thread (minutes at most:
 * a few local commands, an RSA key, a short PDF); on failure or cancellation the files it made are removed.
 */
public final class SampleAssessment {

    public static final String ASSESSMENT_FILE = "sample.fr3";
    public static final String DOSSIER_FILE = "sample-dossier.pdf";
    public static final String CERTIFICATE_FILE = "demo-certificate.pem";
    /** Printed on the dossier's cover and beside its signature. */
    public static final String NOTICE = "SAMPLE DOSSIER - signed with the FR3 Workbench DEMO key, not by an assessor. "
            + "It shows what a dossier looks like and certifies nothing about any product.";
    /** Who the sample's changes are recorded as. */
    public static final String ACTOR = "FR3 Workbench (sample)";
    static final int STEPS = 6;
    private static final int DEMO_KEY_BITS = 3072;

    private final AssessmentFiles files;
    private final Supplier<Catalog> catalog;
    private final Supplier<? extends DeviceChannel> localChannel;
    private final Clock clock;
    private final String generator;

    /**
     * @param localChannel opens the channel to this computer (the sample's "device")
     * @param generator    the producing tool for the dossier, e.g. "FR3 Workbench 0.1.0"
     */
    public SampleAssessment(AssessmentFiles files, Supplier<Catalog> catalog, Supplier<? extends DeviceChannel> localChannel,
                            Clock clock, String generator) {
        this.files = Objects.requireNonNull(files, "files");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.localChannel = Objects.requireNonNull(localChannel, "localChannel");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    /**
     * What the sample produced.
     *
     * @param assessment   the assessment file
     * @param dossier      the signed sample dossier
     * @param certificate  the demo key's certificate (PEM); the key itself is deleted after signing
     * @param evidence     evidence items recorded
     * @param pages        pages of the dossier
     * @param verification the verification of the dossier against the assessment's journal head
     */
    public record Result(Path assessment, Path dossier, Path certificate, int evidence, int pages,
                         VerificationResult verification) {
    }

    /** The default folder of the sample: {@code ~/FR3 Workbench/Sample}. */
    public static Path defaultFolder(Path home) {
        return home.resolve("FR3 Workbench").resolve("Sample");
    }

    /** The default folder, or {@code Sample 2}, {@code Sample 3} ... beside it when a sample is already there. */
    public static Path freeFolder(Path home) {
        Path folder = defaultFolder(home);
        for (int n = 2; outputs(folder).stream().anyMatch(Files::exists); n++) {
            folder = folder.resolveSibling("Sample " + n);
        }
        return folder;
    }

    /** The files a sample in {@code folder} would write; none of them may exist yet. */
    public static List<Path> outputs(Path folder) {
        return List.of(folder.resolve(ASSESSMENT_FILE), folder.resolve(DOSSIER_FILE), folder.resolve(CERTIFICATE_FILE));
    }

    /**
     * Creates the sample in {@code folder} (created when missing).
     *
     * @throws FileAlreadyExistsException when a sample's file is already there (nothing is changed)
     * @throws DeviceException            when a local command could not be started
     * @throws AssessmentFileException    when the assessment file cannot be created
     * @throws org.fr3workbench.report.ExportCancelledException when cancelled (the files made so far are removed)
     */
    public Result create(Path folder, ProgressListener progress, CancellationToken cancel)
            throws IOException, DeviceException, AssessmentFileException {
        for (Path output : outputs(folder)) {
            if (Files.exists(output)) {
                throw new FileAlreadyExistsException(output.toString(), null,
                        "a sample is already there; choose an empty folder or open " + folder.resolve(ASSESSMENT_FILE));
            }
        }
        Files.createDirectories(folder);
        boolean done = false;
        try {
            Result result = build(folder, progress, cancel);
            done = true;
            return result;
        } finally {
            if (!done) {
                removeOutputs(folder);
            }
        }
    }

    private Result build(Path folder, ProgressListener progress, CancellationToken cancel)
            throws IOException, DeviceException, AssessmentFileException {
        Path assessment = folder.resolve(ASSESSMENT_FILE);
        Catalog requirements = catalog.get();
        progress.progress("Creating the sample assessment", 0, STEPS);
        String journalHead;
        int evidence;
        try (AssessmentStore store = files.create(assessment, info(requirements.version()), ACTOR)) {
            store.evidence().addNote("", "About this sample", SampleContent.ABOUT, ACTOR);
            cancel.check();
            try (DeviceChannel channel = localChannel.get()) {
                SampleContent content = new SampleContent(store, channel, ACTOR);
                progress.progress("Reading this computer's identity (hostname, uname -a, /etc/os-release)", 1, STEPS);
                content.recordIdentity();
                cancel.check();
                progress.progress("Running openssl version and openssl ciphers on this computer", 2, STEPS);
                content.recordOpenSsl(cancel);
                cancel.check();
                progress.progress("Recording sample verdicts", 3, STEPS);
                content.recordVerdicts();
            }
            evidence = (int) store.evidence().count(org.fr3workbench.store.EvidenceQuery.all());
            journalHead = store.journal().head().map(JournalEntry::hash).orElseThrow();
        }
        cancel.check();
        progress.progress("Signing the sample dossier with a new demo key", 4, STEPS);
        DossierExporter.Result exported = export(folder, assessment, requirements, progress, cancel);
        cancel.check();
        progress.progress("Verifying the sample dossier", 5, STEPS);
        VerificationResult verification = new DossierVerifier().verify(exported.file(), Optional.of(journalHead));
        progress.progress("Done", STEPS, STEPS);
        return new Result(assessment, exported.file(), folder.resolve(CERTIFICATE_FILE), evidence, exported.pages(), verification);
    }

    private DossierExporter.Result export(Path folder, Path assessment, Catalog requirements, ProgressListener progress,
                                          CancellationToken cancel) throws IOException, AssessmentFileException {
        char[] password = randomPassword();
        Path key = Files.createTempFile(folder, ".fr3-demo-key-", ".p12");
        try {
            Files.delete(key);
            SigningKey demo = new SelfSignedCertificates().createDemo(key, password, Duration.ofDays(30), DEMO_KEY_BITS);
            Files.writeString(folder.resolve(CERTIFICATE_FILE), SampleContent.pem(demo.certificate()), StandardCharsets.US_ASCII);
            SigningRequest signing = new SigningRequest(key, password, Optional.empty(),
                    "Sample dossier signed with the FR3 Workbench demo key", "", Optional.empty());
            ExportOptions options = ExportOptions.unsigned(clock.instant(), generator).withSigning(signing).withNotice(NOTICE);
            try (AssessmentStore store = files.open(assessment, AssessmentFiles.Access.READ_ONLY)) {
                return new DossierExporter().export(AssessmentDossier.from(store, requirements), folder.resolve(DOSSIER_FILE),
                        options, (phase, done, total) -> progress.progress("Dossier: " + phase, 4, STEPS), cancel);
            }
        } finally {
            Arrays.fill(password, '\0');
            Files.deleteIfExists(key);
        }
    }

    private static AssessmentInfo info(String catalogVersion) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new AssessmentInfo("SAMPLE - this computer standing in for a device", "SAMPLE", ComponentType.HDR,
                SecurityLevel.SL2, "Sample assessor (SAMPLE, not a person)",
                "FR3 Workbench sample - not a real assessment", catalogVersion, Optional.of(today), Optional.of(today));
    }

    private static char[] randomPassword() {
        SecureRandom random = new SecureRandom();
        char[] password = new char[32];
        for (int i = 0; i < password.length; i++) {
            password[i] = (char) ('a' + random.nextInt(26));
        }
        return password;
    }

    private static void removeOutputs(Path folder) {
        List<Path> leftovers = new ArrayList<>(outputs(folder));
        for (String suffix : List.of("-wal", "-shm", "-journal", "-lock")) {
            leftovers.add(folder.resolve(ASSESSMENT_FILE + suffix));
        }
        for (Path file : leftovers) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort: the error that stopped the sample is what the caller reports
            }
        }
    }
}
