package org.fr3workbench.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** The ways an attacker would change a dossier after signing, done with PDFBox as a real tool would. */
final class Tampering {

    private Tampering() {
    }

    /** Flips one byte inside the first signed range, in the middle of the file's first part. */
    static void flipByte(Path signed, Path out, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(signed);
        bytes[(int) offset] ^= 0x01;
        Files.write(out, bytes);
    }

    /** An incremental update that changes the title. */
    static void appendUpdate(Path signed, Path out) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream o = Files.newOutputStream(out)) {
            doc.getDocumentInformation().setTitle("Harmless looking change");
            doc.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            doc.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            doc.saveIncremental(o);
        }
    }

    /** Replaces the content of an attachment, rewriting the whole file. */
    static void replaceAttachment(Path signed, Path out, String name) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed.toFile())) {
            PDNameTreeNode<PDComplexFileSpecification> tree = doc.getDocumentCatalog().getNames().getEmbeddedFiles();
            PDComplexFileSpecification spec = find(tree, name);
            if (spec == null) {
                throw new IllegalArgumentException("no attachment named " + name + " in " + signed);
            }
            PDEmbeddedFile replacement = new PDEmbeddedFile(doc, new ByteArrayInputStream(
                    "everything was fine\n".getBytes(StandardCharsets.UTF_8)));
            replacement.setSubtype("text/plain");
            spec.setEmbeddedFile(replacement);
            spec.setEmbeddedFileUnicode(replacement);
            doc.save(out.toFile());
        }
    }

    private static PDComplexFileSpecification find(PDNameTreeNode<PDComplexFileSpecification> node, String name)
            throws IOException {
        Map<String, PDComplexFileSpecification> names = node.getNames();
        if (names != null && names.containsKey(name)) {
            return names.get(name);
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                PDComplexFileSpecification found = find(kid, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Puts another picture in place of the first evidence image, keeping its /AF link; incremental. */
    static void swapImage(Path signed, Path out, byte[] otherPng) throws IOException {
        try (PDDocument doc = Loader.loadPDF(signed.toFile()); OutputStream o = Files.newOutputStream(out)) {
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image
                            && image.getCOSObject().containsKey(COSName.getPDFName("AF"))) {
                        PDImageXObject other = PDImageXObject.createFromByteArray(doc, otherPng, "other");
                        other.getCOSObject().setItem(COSName.getPDFName("AF"), image.getCOSObject().getItem(COSName.getPDFName("AF")));
                        resources.put(name, other);
                        page.getCOSObject().setNeedToBeUpdated(true);
                        resources.getCOSObject().setNeedToBeUpdated(true);
                        resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).setNeedToBeUpdated(true);
                        doc.saveIncremental(o);
                        return;
                    }
                }
            }
            throw new IllegalStateException("no evidence picture found");
        }
    }
}
