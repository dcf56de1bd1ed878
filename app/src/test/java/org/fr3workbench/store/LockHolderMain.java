package org.fr3workbench.store;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process for {@code AssessmentFilesTest}: opens an assessment file, prints {@code opened PID}
 * and keeps it open until its standard input closes.
 */
public final class LockHolderMain {

    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        try (AssessmentStore store = StoreFixture.files().open(Path.of(args[0]), AssessmentFiles.Access.READ_WRITE)) {
            out.println("opened " + ProcessHandle.current().pid());
            while (System.in.read() >= 0) {
                // wait for the parent to close our input
            }
        }
    }
}
