package org.fr3workbench.report.pdf;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

/**
 * Embeds files as PDF/A-3 associated files: a file specification with /F, /UF, /Desc and
 * /AFRelationship, an embedded file stream with its MIME /Subtype and /Params (size, dates), listed
 * in the EmbeddedFiles name tree and in the catalog's /AF array. Content is streamed and hashed
 * (SHA-256, one pass) on the way in; text is Flate-compressed at the fastest level, because the
 * dossier is written once and compression dominated the export time at the default level. The
 * optional /CheckSum (MD5) is not written: the manifest's SHA-256 is what verification uses.
 */
public final class Attachments {

    /** The PDF/A-3 relationship of an associated file to the document. */
    public enum Relationship {
        SOURCE("Source"), DATA("Data"), SUPPLEMENT("Supplement"), UNSPECIFIED("Unspecified");

        private final String pdfName;

        Relationship(String pdfName) {
            this.pdfName = pdfName;
        }
    }

    /**
     * What was embedded.
     *
     * @param spec     the file specification (for /AF arrays elsewhere)
     * @param fileName its name in the PDF
     * @param sha256   hex SHA-256 of the bytes embedded
     * @param size     number of bytes embedded
     */
    public record Attached(PDComplexFileSpecification spec, String fileName, String sha256, long size) {
    }

    /**
     * A file to embed.
     *
     * @param fileName    unique name in the document
     * @param description one line shown by viewers
     * @param mediaType   MIME type
     * @param relation    AFRelationship
     * @param created     creation time
     * @param modified    modification time
     * @param compress    Flate-compress (off for already compressed data such as PNG/JPEG)
     */
    public record Spec(String fileName, String description, String mediaType, Relationship relation,
                       Instant created, Instant modified, boolean compress) {
    }

    /** Sees the bytes of an attachment as they are embedded. */
    @FunctionalInterface
    public interface Tap {
        void accept(byte[] buffer, int offset, int length);
    }

    private static final int BUFFER = 64 * 1024;
    private final PDDocument doc;
    private final Map<String, PDComplexFileSpecification> byName = new TreeMap<>();
    private final Set<PDComplexFileSpecification> associated = new LinkedHashSet<>();

    public Attachments(PDDocument doc) {
        this.doc = doc;
    }

    /** Embeds a stream; {@code tap} (may be null) sees every chunk read, e.g. to collect a text excerpt. */
    public Attached add(Spec spec, InputStream content, Tap tap) throws IOException {
        if (byName.containsKey(spec.fileName())) {
            throw new IllegalArgumentException("two attachments named '" + spec.fileName() + "'");
        }
        Hashing in = new Hashing(content, tap);
        PDEmbeddedFile file = new PDEmbeddedFile(doc);
        COSStream stream = file.getCOSObject();
        if (spec.compress()) {
            stream.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (OutputStream out = new DeflaterOutputStream(stream.createRawOutputStream(), deflater, BUFFER)) {
                in.copyTo(out);
            } finally {
                deflater.end();
            }
        } else {
            try (OutputStream out = stream.createRawOutputStream()) {
                in.copyTo(out);
            }
        }
        file.setSubtype(mimeType(spec.mediaType()));
        file.setSize((int) Math.min(Integer.MAX_VALUE, in.count));
        file.setCreationDate(PdfA.calendar(spec.created()));
        file.setModDate(PdfA.calendar(spec.modified()));

        PDComplexFileSpecification fs = new PDComplexFileSpecification();
        fs.setFile(spec.fileName());
        fs.setFileUnicode(spec.fileName());
        fs.setFileDescription(spec.description());
        fs.setEmbeddedFile(file);
        fs.setEmbeddedFileUnicode(file);
        fs.getCOSObject().setName(COSName.getPDFName("AFRelationship"), spec.relation().pdfName);
        byName.put(spec.fileName(), fs);
        associated.add(fs);
        return new Attached(fs, spec.fileName(), HexFormat.of().formatHex(in.sha256.digest()), in.count);
    }

    /** The bare MIME type PDF/A wants in /Subtype: parameters dropped, anything odd becomes application/octet-stream. */
    static String mimeType(String mediaType) {
        String bare = mediaType.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        return bare.matches("[a-z]+/[a-z0-9][a-z0-9.+_-]*") ? bare : "application/octet-stream";
    }

    /** Writes the name tree and the catalog's /AF array; call once, after the last {@link #add}. */
    public void finish() {
        PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
        tree.setNames(byName);
        PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
        if (names == null) {
            names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
        }
        names.setEmbeddedFiles(tree);
        doc.getDocumentCatalog().setNames(names);
        COSArray af = new COSArray();
        associated.forEach(fs -> af.add(fs.getCOSObject()));
        doc.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    /** Adds a file specification to an object's own /AF array (e.g. an image and its source file). */
    public static void associate(COSDictionary object, PDComplexFileSpecification spec) {
        COSArray af = object.getCOSArray(COSName.getPDFName("AF"));
        if (af == null) {
            af = new COSArray();
            object.setItem(COSName.getPDFName("AF"), af);
        }
        af.add(spec.getCOSObject());
    }

    /** Counts, hashes (SHA-256) and optionally taps a stream as it is read. */
    private static final class Hashing extends FilterInputStream {
        private final MessageDigest sha256;
        private final Tap tap;
        private long count;

        Hashing(InputStream in, Tap tap) {
            super(in);
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
            this.tap = tap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                sha256.update(b, off, n);
                count += n;
                if (tap != null) {
                    tap.accept(b, off, n);
                }
            }
            return n;
        }

        /** Reads everything through the hashing {@link #read(byte[], int, int)} into {@code out}. */
        void copyTo(OutputStream out) throws IOException {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = read(buffer, 0, buffer.length)) >= 0) {
                out.write(buffer, 0, n);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            throw new IOException("skipping is not supported while hashing");
        }
    }
}
