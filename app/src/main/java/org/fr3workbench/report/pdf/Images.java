package org.fr3workbench.report.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.color.PDColorSpace;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceCMYK;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Turns PNG and JPEG evidence into image XObjects. Opaque PNGs and RGB/grey JPEGs are passed through
 * as they are ({@code createFromByteArray}: no decoding, about 1 ms per full-HD screenshot); images
 * with transparency are flattened onto white once (slow, but PDF/A stays free of soft masks).
 */
public final class Images {

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private Images() {
    }

    /** The image for the bytes, or an exception naming why it cannot be shown. */
    public static PDImageXObject create(PDDocument doc, byte[] bytes, String name) throws IOException {
        if (isPng(bytes) && pngHasTransparency(bytes)) {
            return flattened(doc, bytes, name);
        }
        PDImageXObject image = PDImageXObject.createFromByteArray(doc, bytes, name);
        PDColorSpace space = image.getColorSpace();
        boolean masked = image.getCOSObject().containsKey(COSName.SMASK) || image.getCOSObject().containsKey(COSName.MASK);
        if (masked || space instanceof PDDeviceCMYK) {
            return flattened(doc, bytes, name);
        }
        return image;
    }

    /**
     * Hex SHA-256 of the image's encoded stream, as a verifier reads it back. For a passed-through
     * PNG the stream is the concatenated IDAT data, for a JPEG the file itself: both are hashed from
     * the bytes already in memory (checked against the stream's length) instead of reading the stream
     * back; anything else is read back once.
     */
    public static String streamSha256(PDImageXObject image, byte[] source) throws IOException {
        MessageDigest digest = sha256();
        long length = image.getCOSObject().getLength();
        if (isPng(source) && COSName.FLATE_DECODE.equals(image.getCOSObject().getFilters())) {
            if (idat(source, digest) == length) {
                return HexFormat.of().formatHex(digest.digest());
            }
            digest.reset();
        } else if (COSName.DCT_DECODE.equals(image.getCOSObject().getFilters()) && source.length == length) {
            digest.update(source);
            return HexFormat.of().formatHex(digest.digest());
        }
        try (InputStream raw = image.getCOSObject().createRawInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = raw.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Feeds the data of every IDAT chunk into the digest; returns the number of bytes fed (-1 if malformed). */
    private static long idat(byte[] png, MessageDigest digest) {
        long fed = 0;
        int pos = 8;
        while (pos + 12 <= png.length) {
            long length = chunkLength(png, pos);
            if (length > png.length - pos - 12L) {
                return -1;
            }
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("IDAT")) {
                digest.update(png, pos + 8, (int) length);
                fed += length;
            } else if (type.equals("IEND")) {
                return fed;
            }
            pos += (int) (12 + length);
        }
        return fed;
    }

    private static long chunkLength(byte[] png, int pos) {
        return ((png[pos] & 0xFFL) << 24) | ((png[pos + 1] & 0xFF) << 16) | ((png[pos + 2] & 0xFF) << 8) | (png[pos + 3] & 0xFF);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isPng(byte[] bytes) {
        if (bytes.length < 33) {
            return false;
        }
        for (int i = 0; i < PNG_SIGNATURE.length; i++) {
            if (bytes[i] != PNG_SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Colour type with alpha (4, 6) or a tRNS chunk before the image data. */
    static boolean pngHasTransparency(byte[] png) {
        int colorType = png[25] & 0xFF;
        if (colorType == 4 || colorType == 6) {
            return true;
        }
        int pos = 8;
        while (pos + 8 <= png.length) {
            long length = chunkLength(png, pos);
            String type = new String(png, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (type.equals("tRNS")) {
                return true;
            }
            if (type.equals("IDAT") || type.equals("IEND")) {
                return false;
            }
            pos += (int) Math.min(Integer.MAX_VALUE - 16, 12 + length);
        }
        return false;
    }

    private static PDImageXObject flattened(PDDocument doc, byte[] bytes, String name) throws IOException {
        BufferedImage source = ImageIO.read(new ByteArrayInputStream(bytes));
        if (source == null) {
            throw new IOException("'" + name + "' is not an image this program can read");
        }
        BufferedImage rgb = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return LosslessFactory.createFromImage(doc, rgb);
    }
}
