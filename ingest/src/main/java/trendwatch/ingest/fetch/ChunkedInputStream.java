package trendwatch.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** Decodes an HTTP/1.1 chunked body; chunk extensions and trailers are read and ignored. */
final class ChunkedInputStream extends BlockInputStream {

    private final InputStream in;
    private long leftInChunk;
    private boolean done;

    ChunkedInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (done) {
            return -1;
        }
        if (leftInChunk == 0) {
            leftInChunk = nextChunkSize();
            if (leftInChunk == 0) {
                skipTrailers();
                done = true;
                return -1;
            }
        }
        int n = in.read(b, off, (int) Math.min(len, leftInChunk));
        if (n < 0) {
            throw new EOFException("connection closed inside a chunk");
        }
        leftInChunk -= n;
        if (leftInChunk == 0) {
            HttpConnection.readLine(in);
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = HttpConnection.readLine(in);
        if (line == null) {
            throw new EOFException("connection closed before the next chunk");
        }
        int semi = line.indexOf(';');
        String hex = (semi >= 0 ? line.substring(0, semi) : line).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size: " + line);
        }
    }

    private void skipTrailers() throws IOException {
        for (int i = 0; i < 100; i++) {
            String line = HttpConnection.readLine(in);
            if (line == null || line.isEmpty()) {
                return;
            }
        }
        throw new IOException("too many trailer fields");
    }
}
