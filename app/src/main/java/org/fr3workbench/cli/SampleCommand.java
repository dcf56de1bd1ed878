package org.fr3workbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.report.sample.SampleAssessment;
import org.fr3workbench.report.verify.VerificationJson;
import org.fr3workbench.store.AssessmentFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 sample [DIR] [--json]}: the first-run sample without hardware. This computer is the target
 * (local channel); the dossier is signed with a generated demo key and verified at once.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Create a SAMPLE assessment of this computer (local channel: identity and OpenSSL transcripts as "
            + "evidence, two sample verdicts), export it as a dossier signed with a generated DEMO key "
            + "(not an assessor identity) and verify the dossier. Writes " + SampleAssessment.ASSESSMENT_FILE + ", "
            + SampleAssessment.DOSSIER_FILE + " and " + SampleAssessment.CERTIFICATE_FILE + " into DIR.",
            "Exit 0: sample made and its dossier verified; 1: the dossier did not verify or a command could not run; "
            + "2: bad input (e.g. a sample is already in DIR)."})
final class SampleCommand implements Callable<Integer> {

    private final Supplier<SampleAssessment> sample;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "Folder for the sample (created when missing; default: ~/FR3 Workbench/Sample).")
    private Path folder;

    @Option(names = "--json", description = "Print the result as JSON (docs/user-guide.md, 'First run').")
    private boolean json;

    SampleCommand(Supplier<SampleAssessment> sample) {
        this.sample = sample;
    }

    @Override
    public Integer call() {
        Path target = folder != null ? folder : SampleAssessment.defaultFolder(Path.of(System.getProperty("user.home")));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SampleAssessment.Result result;
        try {
            result = sample.get().create(target, (phase, done, total) -> {
                if (!json && done < total) {
                    out.printf("[%d/%d] %s%n", done + 1, total, phase);
                    out.flush();
                }
            }, CancellationToken.NONE);
        } catch (FileAlreadyExistsException e) {
            throw new InputException(e.getFile() + " already exists: " + e.getReason(), e);
        } catch (AssessmentFileException e) {
            throw new InputException(e.getMessage(), e);
        } catch (DeviceException e) {
            err.println("fr3: a command on this computer could not run: " + e.getMessage());
            return Fr3Command.EXIT_FAILED;
        } catch (IOException e) {
            throw new InputException("cannot write the sample into " + target + ": " + e.getMessage(), e);
        }
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("assessment", result.assessment().toString());
            map.put("dossier", result.dossier().toString());
            map.put("certificate", result.certificate().toString());
            map.put("evidence", result.evidence());
            map.put("pages", result.pages());
            map.put("verification", VerificationJson.toMap(result.verification()));
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(map));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.printf("Sample assessment: %s (%d evidence items)%nSample dossier:    %s (%d pages, signed with the DEMO key)%n"
                    + "Demo certificate:  %s%n%nVerification of the sample dossier:%n", result.assessment(), result.evidence(),
                    result.dossier(), result.pages(), result.certificate());
            VerifyDossierCommand.print(result.verification(), out);
            out.printf("%nOpen it in the workbench: fr3 gui \"%s\"%n", result.assessment());
        }
        out.flush();
        return result.verification().valid() ? 0 : Fr3Command.EXIT_FAILED;
    }
}
