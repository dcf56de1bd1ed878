package org.fr3workbench.probe.boot;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the PE/Authenticode and EFI signature-list parsers: any input may be rejected with a
 * {@link PeFormatException}, nothing else may escape. Without JAZZER_FUZZ=1 the committed inputs
 * under {@code BootParsersFuzzTestInputs/} run as regression tests.
 */
class BootParsersFuzzTest {

    private final AuthenticodeInspector inspector = new AuthenticodeInspector();

    @FuzzTest(maxDuration = "60s")
    void authenticode(byte[] data) {
        try {
            AuthenticodeReport report = inspector.inspect(data);
            if (report.sha256().length() != 64) {
                throw new AssertionError("digest of " + report.sha256().length() + " hex digits");
            }
        } catch (PeFormatException expected) {
            // malformed input is allowed to be refused
        }
    }

    @FuzzTest(maxDuration = "60s")
    void signatureLists(byte[] data) {
        try {
            EfiSignatureDatabase db = EfiSignatureDatabase.read(data);
            db.entries().forEach(e -> e.type().typeName());
        } catch (PeFormatException expected) {
            // malformed input is allowed to be refused
        }
    }
}
