package trendwatch.ingest.fetch;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 exchange over a socket we open ourselves. The JDK clients resolve the host name on their own,
 * which would let DNS answer differently between our address check and the connection (DNS rebinding); here
 * the socket goes to an address the {@link AddressGuard} already approved, while the Host header, TLS SNI and
 * certificate check use the name. Every read is bounded by the exchange's {@link Deadline}. One request per
 * connection ({@code Connection: close}): feeds are polled minutes apart, so keep-alive would buy nothing.
 */
final class HttpConnection implements Closeable {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_FIELDS = 200;

    private final Socket socket;
    private final InputStream in;

    private HttpConnection(Socket socket, Deadline deadline) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(new DeadlineInputStream(socket, deadline), 8192);
    }

    /** Connects to the first of the approved addresses that answers, then does the TLS handshake for https. */
    static HttpConnection open(List<InetAddress> addresses, URI uri, Duration connectTimeout, Deadline deadline,
                               SSLSocketFactory tls) throws IOException {
        int port = Urls.port(uri);
        IOException last = null;
        for (InetAddress address : addresses) {
            int budget = (int) Math.min(connectTimeout.toMillis(), deadline.remainingMillis());
            if (budget <= 0) {
                throw new DeadlineExceededException("no connection within " + Sizes.duration(deadline.budget()));
            }
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(address, port), budget);
                Socket ready = "https".equals(uri.getScheme()) ? handshake(socket, uri, deadline, tls) : socket;
                return new HttpConnection(ready, deadline);
            } catch (SocketTimeoutException e) {
                socket.close();
                last = new SocketTimeoutException("connect to " + address.getHostAddress() + ":" + port
                        + " timed out after " + budget + " ms");
            } catch (IOException e) {
                socket.close();
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address to connect to");
    }

    private static Socket handshake(Socket plain, URI uri, Deadline deadline, SSLSocketFactory tls) throws IOException {
        String host = Urls.hostName(uri);
        SSLSocket ssl = (SSLSocket) tls.createSocket(plain, host, Urls.port(uri), true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!Urls.isIpLiteral(host)) {
            try {
                params.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (e.g. with '_'): handshake without SNI, the certificate is still checked
            }
        }
        ssl.setSSLParameters(params);
        int left = deadline.remainingMillis();
        if (left == 0) {
            throw new DeadlineExceededException("no TLS handshake within " + Sizes.duration(deadline.budget()));
        }
        ssl.setSoTimeout(left);
        try {
            ssl.startHandshake();
        } catch (SocketTimeoutException e) {
            throw new DeadlineExceededException("no TLS handshake within " + Sizes.duration(deadline.budget()));
        }
        return ssl;
    }

    /** Sends the request head and reads the response head, skipping interim 1xx responses. */
    ResponseHead send(String requestHead) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        while (true) {
            ResponseHead head = readHead();
            if (head.status() >= 200 || head.status() == 101) {
                return head;
            }
        }
    }

    /** The body as the server framed it (chunked, Content-Length or until close); empty when the status has none. */
    InputStream body(ResponseHead head) throws IOException {
        int status = head.status();
        if (status == 204 || status == 304 || status < 200) {
            return InputStream.nullInputStream();
        }
        String transfer = head.headers().joined("Transfer-Encoding");
        if (transfer != null) {
            String lastCoding = transfer.substring(transfer.lastIndexOf(',') + 1).trim().toLowerCase(Locale.ROOT);
            return "chunked".equals(lastCoding) ? new ChunkedInputStream(in) : in;
        }
        long length = contentLength(head.headers());
        return length >= 0 ? new LengthInputStream(in, length) : in;
    }

    static long contentLength(Headers headers) throws IOException {
        String value = headers.joined("Content-Length");
        if (value == null) {
            return -1;
        }
        long length = -1;
        for (String part : value.split(",")) {
            try {
                long n = Long.parseLong(part.trim());
                if (n < 0 || (length >= 0 && n != length)) {
                    throw new NumberFormatException();
                }
                length = n;
            } catch (NumberFormatException e) {
                throw new IOException("malformed Content-Length: " + value);
            }
        }
        return length;
    }

    private ResponseHead readHead() throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        int status = parseStatus(statusLine);
        Headers headers = new Headers();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            if (headers.size() >= MAX_FIELDS) {
                throw new IOException("more than " + MAX_FIELDS + " header fields");
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                headers.continueLast(line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed header field: " + abbreviate(line));
            }
            headers.add(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
        }
        return new ResponseHead(status, headers);
    }

    private static int parseStatus(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || parts[1].length() != 3) {
            throw new IOException("not an HTTP response: " + abbreviate(line));
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status: " + abbreviate(line));
        }
    }

    /** Reads one CRLF- (or bare LF-) terminated line as ISO-8859-1; null at end of stream before any byte. */
    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return trimCr(line);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("header line longer than " + Sizes.bytes(MAX_LINE));
            }
            line.write(b);
        }
        return line.size() == 0 ? null : trimCr(line);
    }

    private static String trimCr(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.ISO_8859_1);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** Status and header fields of a response. */
    record ResponseHead(int status, Headers headers) {
    }
}
