package org.fr3workbench.report.sign;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cms.CMSTypedData;

/**
 * Signed content that is streamed into the CMS digest instead of being read into memory: the bytes
 * a PDF signature covers (its byte ranges), handed over by PDFBox as a stream, or read from a file.
 */
final class StreamedContent implements CMSTypedData {

    /** Opens the content; may be called once per digest pass. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    private final Opener opener;

    StreamedContent(Opener opener) {
        this.opener = opener;
    }

    /** Content that can be read exactly once (PDFBox's signing stream). */
    static StreamedContent once(InputStream in) {
        boolean[] used = {false};
        return new StreamedContent(() -> {
            if (used[0]) {
                throw new IOException("the signed content can be read only once");
            }
            used[0] = true;
            return in;
        });
    }

    @Override
    public ASN1ObjectIdentifier getContentType() {
        return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        try (InputStream in = opener.open()) {
            in.transferTo(out);
        }
    }

    @Override
    public Object getContent() {
        return opener;
    }
}
