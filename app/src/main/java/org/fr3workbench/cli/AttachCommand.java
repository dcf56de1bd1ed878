package org.fr3workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.MediaTypes;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 attach FILE ID PATH [--caption TEXT] [--kind KIND]}. */
@Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Attach a file as evidence for a requirement; its SHA-256 is taken while it is stored.")
final class AttachCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<Catalog> catalog;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "ID", description = "A requirement id from the catalog, e.g. \"CR 3.4\".")
    private String id;

    @Parameters(index = "2", paramLabel = "PATH", description = "The file to attach.")
    private Path path;

    @Option(names = "--caption", paramLabel = "TEXT", description = "What the evidence shows.")
    private String caption;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "transcript, screenshot, photo, file (default), console-log, structured-result or note.")
    private EvidenceKind kind = EvidenceKind.FILE;

    @Option(names = "--media-type", paramLabel = "TYPE", description = "Media type (default: from the file name).")
    private String mediaType;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who attaches it (default: the assessment's assessor).")
    private String actor;

    AttachCommand(Supplier<AssessmentFiles> files, Supplier<Catalog> catalog) {
        this.files = files;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        Requirement requirement = AssessmentAccess.requirement(catalog.get(), id);
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InputException("cannot attach '" + path + "': " + (Files.exists(path)
                    ? "it is not a readable file" : "it does not exist"));
        }
        Path source = path.toAbsolutePath().normalize();
        String name = String.valueOf(source.getFileName());
        try (AssessmentStore store = AssessmentAccess.open(files.get(), file, AssessmentFiles.Access.READ_WRITE)) {
            String who = AssessmentAccess.actor(actor, store);
            NewEvidence evidence = NewEvidence.of(kind, requirement.id(), name, mediaType(source), caption,
                    "imported from " + source + " (fr3 attach)", modified(source));
            Evidence stored = AssessmentAccess.change(() -> importFile(store, evidence, source, who));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Attached %s to %s: %d bytes, SHA-256 %s%n", stored.describe(), stored.requirementId(), stored.size(),
                    stored.sha256());
            out.flush();
            return 0;
        }
    }

    private static Evidence importFile(AssessmentStore store, NewEvidence evidence, Path source, String who) {
        try {
            return store.evidence().importFile(evidence, source, who, ProgressMonitor.NONE);
        } catch (IOException e) {
            throw new InputException("cannot read '" + source + "': " + e.getMessage() + " (nothing was attached)", e);
        }
    }

    private String mediaType(Path source) {
        if (mediaType != null && !mediaType.isBlank()) {
            return mediaType.strip();
        }
        return MediaTypes.forFileName(String.valueOf(source.getFileName())).orElse(MediaTypes.OCTET_STREAM);
    }

    private static Instant modified(Path source) {
        try {
            return Files.getLastModifiedTime(source).toInstant();
        } catch (IOException e) {
            return Instant.now();
        }
    }

    /** Accepts the evidence kinds by their codes. */
    static final class KindConverter implements CommandLine.ITypeConverter<EvidenceKind> {
        @Override
        public EvidenceKind convert(String value) {
            return EvidenceKind.fromCode(value.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-'))
                    .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is not an evidence kind"));
        }
    }
}
