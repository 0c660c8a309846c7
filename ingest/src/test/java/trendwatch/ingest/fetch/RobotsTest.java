package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.fetch.FetchException.Kind;

/** robots.txt: fetched once per site through the same fetcher, obeyed for the "trendwatch" token on every hop. */
class RobotsTest {

    private final LocalServer server = newServer();
    private final Fetcher fetcher = new Fetcher(FetcherTest.POLICY);

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void shouldRefuseWhatRobotsDisallowsAndFetchRobotsOnce() throws Exception {
        serveRobots(server, "User-agent: trendwatch\nDisallow: /private\n\nUser-agent: *\nDisallow:\n");
        server.handle("/", ex -> LocalServer.send(ex, 200, "text/plain", "open"));

        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/private/feed.xml"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.ROBOTS_DISALLOWED));
        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/public"))).text()).isEqualTo("open");

        assertThat(server.seen("/private/feed.xml")).isEmpty();
        assertThat(server.seen("/robots.txt")).hasSize(1);
        assertThat(server.seen("/robots.txt").get(0).headers().getFirst("User-Agent")).isEqualTo(FetcherTest.POLICY.userAgent());
    }

    @Test
    void shouldFollowTheGroupForOurTokenOverTheWildcard() throws Exception {
        serveRobots(server, "User-agent: *\nDisallow: /\n\nUser-agent: trendwatch\nAllow: /\n");
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "for trendwatch"));

        assertThat(fetcher.fetch(FetchRequest.of(server.uri("/feed"))).text()).isEqualTo("for trendwatch");
    }

    @Test
    void shouldDisallowEverythingWhileRobotsAnswersWithAServerErrorAndSaySo() {
        server.handle("/robots.txt", ex -> LocalServer.send(ex, 503, "text/plain", "down"));
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "x"));

        // the host is unreachable for now, which is what the user must hear: its robots.txt forbids nothing
        assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/feed"))))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NETWORK))
                .hasMessageContaining("robots.txt is unreachable");
        assertThat(server.seen("/feed")).isEmpty();
    }

    @Test
    void shouldCheckRobotsOfTheRedirectTarget() throws Exception {
        try (LocalServer other = new LocalServer()) {
            serveRobots(other, "User-agent: *\nDisallow: /\n");
            other.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "x"));
            server.handle("/feed", ex -> LocalServer.redirect(ex, 301, other.uri("/feed").toString()));

            assertThatThrownBy(() -> fetcher.fetch(FetchRequest.of(server.uri("/feed"))))
                    .isInstanceOfSatisfying(FetchException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.ROBOTS_DISALLOWED);
                        assertThat(e.uri()).isEqualTo(other.uri("/feed"));
                    });
            assertThat(other.seen("/feed")).isEmpty();
        }
    }

    @Test
    void shouldNotAskForRobotsWhenThePolicySaysSo() throws Exception {
        serveRobots(server, "User-agent: *\nDisallow: /\n");
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "x"));
        try (Fetcher ignoring = new Fetcher(FetcherTest.POLICY.withObeyRobots(false))) {
            assertThat(ignoring.fetch(FetchRequest.of(server.uri("/feed"))).text()).isEqualTo("x");
        }
        assertThat(server.seen("/robots.txt")).isEmpty();
    }

    @Test
    void shouldWaitTheCrawlDelayWhenLongerThanTheHostDelay() throws Exception {
        serveRobots(server, "User-agent: trendwatch\nCrawl-delay: 1\n");
        server.handle("/feed", ex -> LocalServer.send(ex, 200, "text/plain", "x"));

        fetcher.fetch(FetchRequest.of(server.uri("/feed")));
        fetcher.fetch(FetchRequest.of(server.uri("/feed")));

        var feeds = server.seen("/feed");
        Duration gap = Duration.ofNanos(feeds.get(1).arrivedNanos() - feeds.get(0).arrivedNanos());
        assertThat(gap).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    static void serveRobots(LocalServer server, String robots) {
        server.handle("/robots.txt", ex -> LocalServer.send(ex, 200, "text/plain", robots));
    }

    private static LocalServer newServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
