package trendwatch.ingest.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The socket's input with the exchange's deadline applied to every read: the socket timeout is set to the time
 * left before each read, so a server dripping one byte a second still stops at the deadline, not per-read.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final Socket socket;
    private final Deadline deadline;

    DeadlineInputStream(Socket socket, Deadline deadline) throws IOException {
        super(socket.getInputStream());
        this.socket = socket;
        this.deadline = deadline;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int left = deadline.remainingMillis();
        if (left == 0) {
            throw exceeded();
        }
        socket.setSoTimeout(left);
        try {
            return in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw exceeded();
        }
    }

    @Override
    public long skip(long n) throws IOException {
        return read(new byte[(int) Math.min(n, 8192)], 0, (int) Math.min(n, 8192));
    }

    private DeadlineExceededException exceeded() {
        return new DeadlineExceededException("no complete response within " + Sizes.duration(deadline.budget()));
    }
}
