package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.HostKeyPin;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.TargetIdentity;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never reach the assessment file: the store has no way to take one, and a password used
 * during a session appears nowhere in the file's bytes, its write-ahead log or its lock file, while
 * the free text that is meant to be stored (captions, notes, rationales) is found there.
 */
class NoSecretsTest {

    private static final Pattern SECRET_NAME = Pattern.compile("pass(word|phrase)|secret|credential|private.?key|pin.?code",
            Pattern.CASE_INSENSITIVE);
    private static final String PASSWORD = "Tr0ub4dor&3-device-login";
    private static final String CAPTION = "caption-marker-5b1e";
    private static final String NOTE = "note-marker-c7d0";
    private static final String RATIONALE = "rationale-marker-90aa";

    @TempDir
    Path dir;

    @Test
    void noStoreApiTakesACredential() {
        List<String> offending = new ArrayList<>();
        for (Class<?> type : List.of(AssessmentFiles.class, AssessmentStore.class, EvidenceStore.class, VerdictStore.class,
                StepRunStore.class, JournalReader.class, HostKeyPins.class, ProgressMonitor.class, EvidenceQuery.class)) {
            for (Method method : type.getMethods()) {
                if (!Modifier.isPublic(method.getModifiers()) || method.getDeclaringClass() == Object.class) {
                    continue;
                }
                if (SECRET_NAME.matcher(method.getName()).find()) {
                    offending.add(type.getSimpleName() + "." + method.getName());
                }
                for (Class<?> parameter : method.getParameterTypes()) {
                    if (parameter == char[].class) {
                        offending.add(type.getSimpleName() + "." + method.getName() + "(char[])");
                    }
                }
            }
        }
        for (Class<?> record : List.of(AssessmentInfo.class, TargetIdentity.class, NewEvidence.class, Evidence.class,
                Verdict.class, StepRun.class, HostKeyPin.class, JournalEntry.class)) {
            for (RecordComponent component : record.getRecordComponents()) {
                if (SECRET_NAME.matcher(component.getName()).find()) {
                    offending.add(record.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(offending).as("store API and records that could carry a secret").isEmpty();
    }

    @Test
    void aPasswordUsedInTheSessionIsNowhereInTheFileWhileFreeTextIs() throws Exception {
        Path file = dir.resolve("secret-check.fr3");
        char[] password = PASSWORD.toCharArray();
        try (AssessmentStore store = StoreFixture.create(file)) {
            // What a session records around a password login: the pin, the target, a transcript of the prompt.
            store.hostKeyPins().pin("192.0.2.7", 22, "ssh-ed25519", "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", "Alice");
            store.setTarget(new TargetIdentity("ssh://root@192.0.2.7:22", "SHA256:uNiV", "NAME=\"CIP\"", "SN-1"), "Alice");
            String transcript = "$ ssh root@192.0.2.7\nroot@192.0.2.7's password: \n# id\nuid=0(root)\n";
            store.evidence().add(new NewEvidence(EvidenceKind.TRANSCRIPT, "CR 3.1", java.util.Optional.empty(), "login",
                    "text/plain", CAPTION, "ssh root@192.0.2.7", Instant.now()),
                    new ByteArrayInputStream(transcript.getBytes(StandardCharsets.UTF_8)), "Alice", ProgressMonitor.NONE);
            store.evidence().addNote("CR 3.1", "observation", NOTE, "Alice");
            store.verdicts().set("CR 3.1", VerdictDecision.MET, RATIONALE, "Alice");
            assertThat(password).hasSize(PASSWORD.length());
            String whileOpen = allBytes();
            assertThat(whileOpen).contains(CAPTION, NOTE, RATIONALE);
            assertThat(whileOpen).doesNotContain(PASSWORD);
        }
        String afterClose = allBytes();
        assertThat(afterClose).contains(CAPTION, NOTE, RATIONALE);
        assertThat(afterClose).doesNotContain(PASSWORD);
        assertThat(afterClose.toLowerCase(Locale.ROOT)).doesNotContain(PASSWORD.toLowerCase(Locale.ROOT));
    }

    /** Every byte of every file in the folder: the database, its -wal and -shm, the lock file. */
    private String allBytes() throws Exception {
        StringBuilder all = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                all.append(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }
}
