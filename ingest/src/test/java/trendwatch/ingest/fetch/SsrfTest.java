package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trendwatch.ingest.fetch.FetchException.Kind;

/** End to end: with private networks refused, no request reaches loopback, private or metadata addresses. */
class SsrfTest {

    private static final FetchPolicy REFUSING = FetcherTest.POLICY.withAllowPrivateNetworks(false);

    private final LocalServer server = newServer();
    private final Fetcher fetcher = new Fetcher(REFUSING);

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:PORT/feed", "http://localhost:PORT/feed", "http://[::1]:PORT/feed",
        "http://[::ffff:127.0.0.1]:PORT/feed", "http://2130706433:PORT/feed",
        "http://0.0.0.0:PORT/feed", "http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed",
        "http://192.168.0.1/", "http://100.64.0.1/", "http://[fe80::1]/", "http://[fd00::1]/",
        "http://metadata.google.internal/computeMetadata/v1/"})
    void shouldRefuseNonPublicTargets(String url) {
        URI uri = URI.create(url.replace("PORT", Integer.toString(server.port())));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.untrusted(uri)))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
                    assertThat(e.uri()).isEqualTo(uri);
                });
        assertThat(server.seen()).isEmpty(); // not even robots.txt
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "ftp://example.com/feed.xml", "gopher://example.com/", "jar:file:/x.jar!/",
        "mailto:a@example.com", "http:///no-host", "//example.com/relative",
        "http://127.1/"}) // java.net.URI finds no host in the short IPv4 form, so it never resolves
    void shouldRefuseOtherSchemesAndUrlsWithoutHost(String url) {
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.untrusted(URI.create(url))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_URL));
    }

    @Test
    void shouldRefuseARedirectFromAnAllowedServerToLoopback() throws Exception {
        try (LocalServer internal = new LocalServer()) {
            internal.handle("/secret", ex -> LocalServer.send(ex, 200, "text/plain", "secret"));
            server.handle("/feed", ex -> LocalServer.redirect(ex, 302, internal.uri("/secret").toString()));
            Fetcher onlyFirstServer = fetcherAllowing(server);

            assertThatThrownBy(() -> onlyFirstServer.fetch(FetchRequest.untrusted(server.uri("/feed"))))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS);
                        assertThat(e.uri()).isEqualTo(internal.uri("/secret"));
                    });
            assertThat(server.seen("/feed")).hasSize(1);
            assertThat(internal.seen()).isEmpty();
        }
    }

    @Test
    void shouldRefuseARedirectToCloudMetadata() {
        server.handle("/feed", ex -> LocalServer.redirect(ex, 301, "http://169.254.169.254/latest/meta-data/iam/"));

        assertThatThrownBy(() -> fetcherAllowing(server).fetch(FetchRequest.untrusted(server.uri("/feed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
    }

    @Test
    void shouldConnectToTheCheckedAddressWithTheHostNameInTheRequest() throws Exception {
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "ok"));
        AtomicInteger lookups = new AtomicInteger();
        // a rebinding resolver: the first answer is the approved server, later answers would be metadata
        AddressGuard.Resolver rebinding = host -> new InetAddress[] {lookups.getAndIncrement() == 0
                ? InetAddress.getLoopbackAddress() : InetAddress.getByName("169.254.169.254")};
        AddressGuard guard = new AddressGuard(rebinding, Set.of(server.address()));
        Fetcher named = new Fetcher(REFUSING.withObeyRobots(false), guard,
                (SSLSocketFactory) SSLSocketFactory.getDefault(), Clock.systemUTC());

        FetchResult result = named.fetch(FetchRequest.untrusted(URI.create("http://feeds.test:" + server.port() + "/feed")));

        assertThat(result.text()).isEqualTo("ok");
        assertThat(lookups.get()).isEqualTo(1);
        assertThat(server.seen("/feed").get(0).headers().getFirst("Host")).isEqualTo("feeds.test:" + server.port());
    }

    @Test
    void shouldLetConfiguredSourcesReachPrivateNetworksButNeverCloudMetadata() throws Exception {
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "intranet feed"));

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/feed"))).text()).isEqualTo("intranet feed");
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(URI.create("http://169.254.169.254/latest/"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(URI.create("http://metadata.google.internal/"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
    }

    @Test
    void shouldLetTheOperatorAllowPrivateNetworksExplicitly() throws Exception {
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "intranet"));
        try (Fetcher allowing = new Fetcher(REFUSING.withAllowPrivateNetworks(true))) {
            assertThat(allowing.fetch(FetchRequest.untrusted(server.uri("/feed"))).text()).isEqualTo("intranet");
            assertThatThrownBy(() -> allowing.fetch(FetchRequest.untrusted(URI.create("http://169.254.169.254/"))))
                    .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BLOCKED_ADDRESS));
        }
    }

    /** A fetcher that refuses private networks except this one test server (its exact address and port). */
    private static Fetcher fetcherAllowing(LocalServer allowed) {
        AddressGuard guard = new AddressGuard(InetAddress::getAllByName, Set.of(allowed.address()));
        return new Fetcher(REFUSING, guard, (SSLSocketFactory) SSLSocketFactory.getDefault(), Clock.systemUTC());
    }

    private static LocalServer newServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
