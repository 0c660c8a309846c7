package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.fetch.FetchException.Kind;

/** Protocol behaviour of the fetcher against a real HTTP server on loopback. */
class FetcherTest {

    static final FetchPolicy POLICY = new FetchPolicy("trendwatch-test/0.1 (+https://example.org)", Duration.ofSeconds(2),
            Duration.ofSeconds(5), 1L << 20, 5, Duration.ZERO, true, true);

    private final LocalServer server = newServer();
    private final Fetcher fetcher = new Fetcher(POLICY);

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void shouldFetchABodyWithItsValidatorsAndIdentifyItself() throws Exception {
        server.handle("/feed.xml", ex -> {
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Tue, 01 Jul 2025 10:00:00 GMT");
            LocalServer.send(ex, 200, "application/rss+xml; charset=utf-8", "<rss>太空经济</rss>");
        });

        FetchResult result = fetcher.fetch(FetchRequest.of(server.uri("/feed.xml")));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.notModified()).isFalse();
        assertThat(result.text()).isEqualTo("<rss>太空经济</rss>");
        assertThat(result.etag()).isEqualTo("\"v1\"");
        assertThat(result.lastModified()).isEqualTo("Tue, 01 Jul 2025 10:00:00 GMT");
        assertThat(result.finalUri()).isEqualTo(server.uri("/feed.xml"));
        LocalServer.Seen seen = server.seen("/feed.xml").get(0);
        assertThat(seen.headers().getFirst("User-Agent")).isEqualTo(POLICY.userAgent());
        assertThat(seen.headers().getFirst("Accept-Encoding")).isEqualTo("gzip, deflate");
        assertThat(seen.headers().getFirst("Host")).isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void shouldAnswerNotModifiedWhenTheEtagMatches() throws Exception {
        server.handle("/feed.xml", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                LocalServer.send(ex, 304, null, new byte[0]);
            } else {
                ex.getResponseHeaders().set("ETag", "\"v1\"");
                LocalServer.send(ex, 200, "text/xml", "<rss/>");
            }
        });

        FetchResult first = fetcher.fetch(FetchRequest.of(server.uri("/feed.xml")));
        FetchResult second = fetcher.fetch(FetchRequest.of(server.uri("/feed.xml")).withValidators(first.etag(), null));

        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEmpty();
        assertThat(second.etag()).isEqualTo("\"v1\"");
    }

    @Test
    void shouldAnswerNotModifiedWhenLastModifiedMatches() throws Exception {
        String stamp = "Tue, 01 Jul 2025 10:00:00 GMT";
        server.handle("/page", ex -> {
            if (stamp.equals(ex.getRequestHeaders().getFirst("If-Modified-Since"))) {
                LocalServer.send(ex, 304, null, new byte[0]);
            } else {
                LocalServer.send(ex, 200, "text/html", "<p>x</p>");
            }
        });

        FetchResult result = fetcher.fetch(FetchRequest.of(server.uri("/page")).withValidators(null, stamp));

        assertThat(result.notModified()).isTrue();
        assertThat(result.lastModified()).isEqualTo(stamp);
    }

    @Test
    void shouldReadFreshnessFromCacheControl() throws Exception {
        server.handle("/feed", ex -> {
            ex.getResponseHeaders().set("Cache-Control", "public, max-age=900");
            LocalServer.send(ex, 200, "text/xml", "<rss/>");
        });

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/feed"))).freshFor()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldReadFreshnessFromExpires() throws Exception {
        server.handle("/feed", ex -> {
            String inTenMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(10));
            ex.getResponseHeaders().set("Expires", inTenMinutes);
            LocalServer.send(ex, 200, "text/xml", "<rss/>");
        });

        Duration fresh = fetcher.fetch(FetchRequest.of(server.uri("/feed"))).freshFor();

        assertThat(fresh).isBetween(Duration.ofSeconds(598), Duration.ofSeconds(601));
    }

    @Test
    void shouldReportNoFreshnessWhenTheServerGivesNone() throws Exception {
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/xml", "<rss/>"));

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/feed"))).freshFor()).isNull();
    }

    @Test
    void shouldFailWithStatusAndRetryAfterOn429() {
        server.handle("/feed", ex -> {
            ex.getResponseHeaders().set("Retry-After", "120");
            LocalServer.send(ex, 429, "text/plain", "slow down");
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/feed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(e.uri()).isEqualTo(server.uri("/feed"));
                    assertThat(e.getMessage()).isEqualTo(server.uri("/feed") + ": HTTP status 429 (retry after 120 s)");
                });
    }

    @Test
    void shouldReadRetryAfterAsAnHttpDateOn503() {
        server.handle("/feed", ex -> {
            String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusHours(1));
            ex.getResponseHeaders().set("Retry-After", inAnHour);
            LocalServer.send(ex, 503, "text/plain", "maintenance");
        });

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/feed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.retryAfter()).isBetween(Duration.ofSeconds(3598), Duration.ofSeconds(3601));
                });
    }

    @Test
    void shouldFailWithStatusOn404WithoutRetryAfter() {
        server.handle("/gone", ex -> LocalServer.send(ex, 404, "text/plain", "no"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/gone"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.retryAfter()).isNull();
                });
    }

    @Test
    void shouldFollowRedirectsToTheFinalUrl() throws Exception {
        server.handle("/old", ex -> LocalServer.redirect(ex, 301, "/moved"));
        server.handle("/moved", ex -> LocalServer.redirect(ex, 302, server.uri("/final?x=1").toString()));
        server.handle("/final", ex -> LocalServer.send(ex, 200, "text/plain", "here"));

        FetchResult result = fetcher.fetch(FetchRequest.of(server.uri("/old")));

        assertThat(result.text()).isEqualTo("here");
        assertThat(result.finalUri()).isEqualTo(server.uri("/final?x=1"));
    }

    @Test
    void shouldStopAfterMaxRedirects() {
        server.handle("/loop", ex -> LocalServer.redirect(ex, 307, "/loop"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/loop"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS));
        // the first request and five redirect hops, then no more
        assertThat(server.seen("/loop")).hasSize(1 + POLICY.maxRedirects());
    }

    @Test
    void shouldFollowExactlyMaxRedirects() throws Exception {
        for (int i = 0; i < 5; i++) {
            int next = i + 1;
            server.handle("/hop" + i, ex -> LocalServer.redirect(ex, 308, "/hop" + next));
        }
        server.handle("/hop5", ex -> LocalServer.send(ex, 200, "text/plain", "arrived"));

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/hop0"))).text()).isEqualTo("arrived");
    }

    @Test
    void shouldRefuseARedirectToAnotherScheme() {
        server.handle("/evil", ex -> LocalServer.redirect(ex, 302, "file:///etc/passwd"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/evil"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_URL));
    }

    @Test
    void shouldDecompressGzip() throws Exception {
        byte[] gzipped = gzip("<rss>固态电池</rss>".getBytes(StandardCharsets.UTF_8));
        server.handle("/feed", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "gzip");
            LocalServer.send(ex, 200, "text/xml; charset=utf-8", gzipped);
        });

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/feed"))).text()).isEqualTo("<rss>固态电池</rss>");
    }

    @Test
    void shouldDecompressZlibAndRawDeflate() throws Exception {
        byte[] zlib = deflate("zlib body".getBytes(StandardCharsets.UTF_8), false);
        byte[] raw = deflate("raw body".getBytes(StandardCharsets.UTF_8), true);
        server.handle("/zlib", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            LocalServer.send(ex, 200, "text/plain", zlib);
        });
        server.handle("/raw", ex -> {
            ex.getResponseHeaders().set("Content-Encoding", "deflate");
            LocalServer.send(ex, 200, "text/plain", raw);
        });

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/zlib"))).text()).isEqualTo("zlib body");
        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/raw"))).text()).isEqualTo("raw body");
    }

    @Test
    void shouldReadChunkedBodies() throws Exception {
        server.handle("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/chunked"))).text().lines()).hasSize(100);
    }

    @Test
    void shouldRefuseADeclaredLengthOverTheCapWithoutReadingIt() {
        server.handle("/big", ex -> LocalServer.send(ex, 200, "application/octet-stream", new byte[2 << 20]));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/big"))))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TOO_LARGE);
                    assertThat(e.getMessage()).isEqualTo(server.uri("/big") + ": response of 2 MiB exceeds the 1 MiB limit");
                });
    }

    @Test
    void shouldSendValidatorsOnlyWhenTheyAreSafeHeaderValues() throws Exception {
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "ok"));

        fetcher.fetch(FetchRequest.of(server.uri("/feed")).withValidators("\"a\"\r\nX-Injected: 1", null));

        assertThat(server.seen("/feed").get(0).headers().containsKey("X-Injected")).isFalse();
        assertThat(server.seen("/feed").get(0).headers().containsKey("If-None-Match")).isFalse();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, new Deflater(6, raw))) {
            out.write(data);
        }
        return bytes.toByteArray();
    }

    private static LocalServer newServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
