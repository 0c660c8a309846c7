package trendwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import trendwatch.model.Granularity;

/** The benchmarks' workloads: how many articles share a count depends on these times alone. */
class PublishedTimesTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    @Test
    void shouldGiveEveryArticleBucketsOfItsOwnWithDaysZero() {
        PublishedTimes times = new PublishedTimes(0, 1_000, NOW);
        Set<String> buckets = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            Instant published = times.of(i);
            for (Granularity g : Granularity.values()) {
                assertThat(buckets.add(g + "|" + g.bucketStart(published))).as("article %d, %s", i, g).isTrue();
            }
        }
    }

    @Test
    void shouldDateTheLastOfItsOwnWeeksWithinTheYearsTheClassifierCounts() {
        Instant last = new PublishedTimes(0, 400_000, NOW).of(399_999);

        assertThat(last).isAfter(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(new PublishedTimes(0, 1, NOW).of(0)).isBefore(Instant.parse("+10000-01-01T00:00:00Z"));
    }

    @Test
    void shouldSpreadArticlesOverTheLastDays() {
        PublishedTimes times = new PublishedTimes(30, 1_000, NOW);
        Set<Instant> hours = new HashSet<>();

        for (int i = 0; i < 1_000; i++) {
            Instant published = times.of(i);
            assertThat(published).isBetween(NOW.minus(Duration.ofDays(30)), NOW);
            hours.add(Granularity.HOUR.bucketStart(published));
        }
        assertThat(hours).hasSizeBetween(300, 720); // shared buckets, hundreds of hours
    }

    @Test
    void shouldRefuseMoreOwnWeeksThanItCanDate() {
        assertThatThrownBy(() -> new PublishedTimes(0, 400_001, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 400,000 articles");
        assertThatThrownBy(() -> new PublishedTimes(-1, 10, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--days must be 0");
    }
}
