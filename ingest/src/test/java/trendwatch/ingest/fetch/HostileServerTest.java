package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.fetch.FetchException.Kind;

/** Servers that try to exhaust memory or time: each must stop at the body cap or the request deadline. */
class HostileServerTest {

    private static final long CAP = 1L << 20;
    private static byte[] gzipBomb;

    private final LocalServer server = newServer();
    private final Fetcher fetcher = new Fetcher(FetcherTest.POLICY.withMaxBodyBytes(CAP)
            .withRequestTimeout(Duration.ofSeconds(1)));

    @BeforeAll
    static void buildBomb() throws IOException {
        // 1 GiB of zeros compressed in memory (about 1 MiB of gzip), never written out uncompressed
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 << 20);
        byte[] zeros = new byte[1 << 20];
        try (GZIPOutputStream out = new GZIPOutputStream(bytes, 1 << 16)) {
            for (int i = 0; i < 1024; i++) {
                out.write(zeros);
            }
        }
        gzipBomb = bytes.toByteArray();
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void shouldStopAGzipBombAtTheCapWithBoundedMemory() {
        assertThat(gzipBomb.length).isLessThan(2 << 20);
        server.handle("/bomb", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "text/html", gzipBomb);
        });
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocatedBefore = threads.getCurrentThreadAllocatedBytes();

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/bomb"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
                    assertThat(e.getMessage()).endsWith(": response exceeds the 1 MiB limit");
                });
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        // inflating the whole bomb into memory would allocate over 1 GiB; stopping at the cap stays near it
        assertThat(allocated).isLessThan(32L << 20);
    }

    @Test
    void shouldStopAnEndlessBodyAtTheCap() {
        AtomicLong sent = new AtomicLong();
        server.handle("/endless", ex -> {
            ex.sendResponseHeaders(200, 0);
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = ex.getResponseBody()) {
                // bounded only so that a broken client cannot keep this thread forever
                while (sent.get() < (4L << 30)) {
                    out.write(block);
                    sent.addAndGet(block.length);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/endless"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE));
    }

    @Test
    void shouldStopASlowDripAtTheDeadline() {
        server.handle("/drip", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                // each byte arrives well within any per-read timeout; only a whole-request deadline stops this
                for (int i = 0; i < 100; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the client hung up or the server is stopping
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/drip"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
                    assertThat(e.getMessage()).endsWith(": no complete response within 1 s");
                });
    }

    @Test
    void shouldStopAServerThatNeverAnswersAtTheDeadline() {
        server.handle("/silent", ex -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/silent"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void shouldFailCleanlyOnABodyCutShort() {
        server.handle("/cut", ex -> {
            ex.sendResponseHeaders(200, 1000);
            ex.getResponseBody().write(new byte[10]);
            ex.getResponseBody().flush();
            throw new IOException("the server dies mid-body");
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/cut"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isIn(Kind.NETWORK, Kind.TIMEOUT));
    }

    private static LocalServer newServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
