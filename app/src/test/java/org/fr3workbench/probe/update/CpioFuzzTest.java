package org.fr3workbench.probe.update;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Fuzzes the cpio reader: a malformed archive may give a CpioException, nothing else may escape. */
class CpioFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void cpio(byte[] data) {
        try (CpioReader reader = new CpioReader(new ByteArrayInputStream(data))) {
            for (CpioEntry e = reader.next(); e != null; e = reader.next()) {
                if (!e.isTrailer()) {
                    reader.data().transferTo(OutputStream.nullOutputStream());
                }
            }
        } catch (CpioException expected) {
            // malformed input is allowed to be refused
        } catch (IOException e) {
            throw new AssertionError("a byte array cannot fail to read: " + e, e);
        }
    }
}
