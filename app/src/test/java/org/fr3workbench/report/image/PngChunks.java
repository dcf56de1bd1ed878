package org.fr3workbench.report.image;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Lists the chunk types of a PNG file (tests check that saved copies carry no text or metadata). */
public final class PngChunks {

    private PngChunks() {
    }

    /** The chunk types in file order, e.g. IHDR, IDAT, IEND. */
    public static List<String> types(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(png);
        in.position(8);
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            types.add(new String(type, StandardCharsets.US_ASCII));
            in.position(in.position() + length + 4);
        }
        return types;
    }
}
