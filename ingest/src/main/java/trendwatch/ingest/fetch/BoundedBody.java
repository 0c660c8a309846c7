package trendwatch.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body into memory, undoing gzip/deflate ourselves so that the cap applies to what is
 * decompressed: a gzip bomb stops after {@code max + 1} decompressed bytes, with memory bounded by the cap.
 * The bytes on the wire are capped too, so a compressed stream that inflates to nothing cannot run on forever.
 */
final class BoundedBody {

    /** Thrown when a cap is exceeded; {@code declared} is the Content-Length when that alone gave it away, else -1. */
    static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final long declared;

        TooLargeException(long declared) {
            super("body over the limit");
            this.declared = declared;
        }
    }

    private BoundedBody() {
    }

    static byte[] read(InputStream wire, String contentEncoding, long declaredLength, long max) throws IOException {
        boolean identity = contentEncoding == null || contentEncoding.isBlank()
                || "identity".equalsIgnoreCase(contentEncoding.trim());
        if (identity && declaredLength > max) {
            throw new TooLargeException(declaredLength);
        }
        InputStream decoded = decode(new CappedStream(wire, max), contentEncoding);
        return readAtMost(decoded, max);
    }

    private static InputStream decode(InputStream in, String contentEncoding) throws IOException {
        if (contentEncoding == null) {
            return in;
        }
        String[] codings = contentEncoding.split(",");
        InputStream out = in;
        // codings are listed in the order they were applied, so undo them from the last
        for (int i = codings.length - 1; i >= 0; i--) {
            String coding = codings[i].trim().toLowerCase(Locale.ROOT);
            switch (coding) {
                case "", "identity" -> { }
                case "gzip", "x-gzip" -> out = new GZIPInputStream(out, 8192);
                case "deflate" -> out = inflate(out);
                default -> throw new IOException("unsupported Content-Encoding " + coding);
            }
        }
        return out;
    }

    /** "deflate" should be zlib-wrapped, but some servers send a raw deflate stream; the first two bytes tell. */
    private static InputStream inflate(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 2);
        int b0 = peek.read();
        int b1 = b0 < 0 ? -1 : peek.read();
        if (b1 >= 0) {
            peek.unread(b1);
        }
        if (b0 >= 0) {
            peek.unread(b0);
        }
        boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
        return new InflaterInputStream(peek, new Inflater(!zlib), 8192);
    }

    private static byte[] readAtMost(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buf)) >= 0) {
            total += n;
            if (total > max) {
                throw new TooLargeException(-1);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Counts bytes as they come off the wire and stops past the cap. */
    private static final class CappedStream extends BlockInputStream {
        private final InputStream in;
        private final long max;
        private long count;

        CappedStream(InputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw new TooLargeException(-1);
                }
            }
            return n;
        }

        @Override
        public int available() throws IOException {
            // GZIPInputStream asks this to decide whether another gzip member follows
            return in.available();
        }
    }
}
