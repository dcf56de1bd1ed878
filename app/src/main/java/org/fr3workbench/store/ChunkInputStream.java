package org.fr3workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.fr3workbench.domain.Evidence;

/** Evidence content read chunk by chunk over a connection of its own. */
final class ChunkInputStream extends InputStream {

    private final StoreContext context;
    private final Evidence evidence;
    private Connection connection;
    private PreparedStatement select;
    private byte[] chunk = new byte[0];
    private int position;
    private int nextSeq;
    private boolean finished;

    ChunkInputStream(StoreContext context, Evidence evidence) {
        this.context = context;
        this.evidence = evidence;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (finished || !nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int available() {
        return chunk.length - position;
    }

    private boolean nextChunk() throws IOException {
        try {
            if (connection == null) {
                connection = context.openStream();
                select = connection.prepareStatement("SELECT data FROM evidence_chunk WHERE evidence_id = ? AND seq = ?");
            }
            select.setLong(1, evidence.id());
            select.setInt(2, nextSeq);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    finished = true;
                    return false;
                }
                chunk = rs.getBytes(1);
                if (chunk == null) {
                    chunk = new byte[0];
                }
            }
            position = 0;
            nextSeq++;
            return true;
        } catch (SQLException | RuntimeException e) {
            throw new IOException("Could not read " + evidence.describe() + " from " + FileHeader.name(context.file()) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        finished = true;
        chunk = new byte[0];
        position = 0;
        if (connection != null) {
            try {
                select.close();
            } catch (SQLException ignored) {
                // the connection is closed next
            }
            context.release(connection);
            connection = null;
        }
    }
}
