package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import trendwatch.model.testing.MovableClock;

/** Caching and failure rules of robots.txt (RFC 9309), with a clock the test moves. */
class RobotsCacheTest {

    private static final String ORIGIN = "https://news.example:443";

    private final MovableClock clock = new MovableClock(Instant.parse("2025-07-01T00:00:00Z"));
    private final RobotsCache cache = new RobotsCache(Duration.ofHours(1), Duration.ofMinutes(10), clock);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void shouldKeepRulesForTheTtlThenFetchAgain() {
        RobotsCache.Loader loader = url -> {
            loads.incrementAndGet();
            return new RobotsCache.Answer(200, "User-agent: *\nDisallow: /private\n".getBytes(StandardCharsets.UTF_8),
                    "text/plain");
        };

        assertThat(cache.rules(ORIGIN, loader).isAllowed(ORIGIN + "/private/x")).isFalse();
        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.rules(ORIGIN, loader).isAllowed(ORIGIN + "/public")).isTrue();
        assertThat(loads).hasValue(1);
        clock.advance(Duration.ofMinutes(2));
        cache.rules(ORIGIN, loader);
        assertThat(loads).hasValue(2);
    }

    @Test
    void shouldAllowEverythingWhenRobotsIsMissing() {
        assertThat(cache.rules(ORIGIN, url -> RobotsCache.Answer.unavailable()).isAllowAll()).isTrue();
    }

    @Test
    void shouldDisallowEverythingBrieflyWhenRobotsIsUnreachable() {
        RobotsCache.Loader failing = url -> {
            loads.incrementAndGet();
            return RobotsCache.Answer.unreachable();
        };

        assertThat(cache.rules(ORIGIN, failing).isAllowNone()).isTrue();
        clock.advance(Duration.ofMinutes(11));
        assertThat(cache.rules(ORIGIN, url -> RobotsCache.Answer.unavailable()).isAllowAll()).isTrue();
        assertThat(loads).hasValue(1);
    }

    @Test
    void shouldTreat429AsUnreachable() {
        assertThat(cache.rules(ORIGIN, url -> new RobotsCache.Answer(429, new byte[0], null)).isAllowNone()).isTrue();
    }

    @Test
    void shouldAskForRobotsAtTheOrigin() {
        String[] asked = new String[1];
        cache.rules(ORIGIN, url -> {
            asked[0] = url;
            return RobotsCache.Answer.unavailable();
        });

        assertThat(asked[0]).isEqualTo(ORIGIN + "/robots.txt");
    }
}
