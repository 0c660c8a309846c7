package trendwatch.ingest.fetch;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A body framed by Content-Length: ends after that many bytes, and fails if the connection closes earlier. */
final class LengthInputStream extends BlockInputStream {

    private final InputStream in;
    private final long length;
    private long left;

    LengthInputStream(InputStream in, long length) {
        this.in = in;
        this.length = length;
        this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (left == 0) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("connection closed after " + (length - left) + " of " + length + " bytes");
        }
        left -= n;
        return n;
    }
}
