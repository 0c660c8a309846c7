package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Freshness and Retry-After from response headers. */
class CacheHeadersTest {

    private static final Instant NOW = Instant.parse("2025-07-01T10:00:00Z");
    private final CacheHeaders cache = new CacheHeaders(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldReadMaxAgeLessAge() {
        assertThat(cache.freshFor(headers("Cache-Control", "public, max-age=3600", "Age", "600")))
                .isEqualTo(Duration.ofMinutes(50));
    }

    @Test
    void shouldTreatNoCacheAndNoStoreAsStaleAtOnce() {
        assertThat(cache.freshFor(headers("Cache-Control", "no-cache"))).isEqualTo(Duration.ZERO);
        assertThat(cache.freshFor(headers("Cache-Control", "private, no-store, max-age=60"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldPreferMaxAgeOverExpires() {
        assertThat(cache.freshFor(headers("Cache-Control", "max-age=60", "Expires", "Tue, 01 Jul 2025 12:00:00 GMT")))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void shouldReadExpiresAgainstTheServerDate() {
        assertThat(cache.freshFor(headers("Date", "Tue, 01 Jul 2025 09:00:00 GMT", "Expires", "Tue, 01 Jul 2025 09:30:00 GMT")))
                .isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void shouldReadExpiresAgainstOurClockWithoutADate() {
        assertThat(cache.freshFor(headers("Expires", "Tue, 01 Jul 2025 10:05:00 GMT"))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldTreatAnInvalidExpiresAsAlreadyExpired() {
        assertThat(cache.freshFor(headers("Expires", "0"))).isEqualTo(Duration.ZERO);
        assertThat(cache.freshFor(headers("Expires", "Mon, 01 Jan 1990 00:00:00 GMT"))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldReportNothingWithoutFreshnessHeaders() {
        assertThat(cache.freshFor(headers("Cache-Control", "public"))).isNull();
        assertThat(cache.freshFor(headers())).isNull();
    }

    @Test
    void shouldReadRetryAfterInSecondsOrAsADate() {
        assertThat(cache.retryAfter(headers("Retry-After", "120"))).isEqualTo(Duration.ofMinutes(2));
        assertThat(cache.retryAfter(headers("Retry-After", "Tue, 01 Jul 2025 11:00:00 GMT"))).isEqualTo(Duration.ofHours(1));
        assertThat(cache.retryAfter(headers("Retry-After", "soon"))).isNull();
        assertThat(cache.retryAfter(headers())).isNull();
    }

    @Test
    void shouldReadTheObsoleteHttpDateFormats() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        assertThat(CacheHeaders.httpDate("Sun, 06 Nov 1994 08:49:37 GMT")).isEqualTo(expected);
        assertThat(CacheHeaders.httpDate("Sunday, 06-Nov-94 08:49:37 GMT")).isEqualTo(expected);
        assertThat(CacheHeaders.httpDate("Sun Nov  6 08:49:37 1994")).isEqualTo(expected);
    }

    private static Headers headers(String... pairs) {
        Headers headers = new Headers();
        for (int i = 0; i < pairs.length; i += 2) {
            headers.add(pairs[i], pairs[i + 1]);
        }
        return headers;
    }
}
