package trendwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class GranularityTest {

    private static final Instant WEDNESDAY_NOON = Instant.parse("2025-01-15T12:34:56.789Z");

    @Test
    void shouldStartBucketsAtTheHourTheDayAndTheIsoWeekInUtc() {
        assertThat(Granularity.HOUR.bucketStart(WEDNESDAY_NOON)).isEqualTo(Instant.parse("2025-01-15T12:00:00Z"));
        assertThat(Granularity.DAY.bucketStart(WEDNESDAY_NOON)).isEqualTo(Instant.parse("2025-01-15T00:00:00Z"));
        assertThat(Granularity.WEEK.bucketStart(WEDNESDAY_NOON)).isEqualTo(Instant.parse("2025-01-13T00:00:00Z"));
    }

    @Test
    void shouldPutAMondayInItsOwnWeekAndASundayInThePreviousOne() {
        assertThat(Granularity.WEEK.bucketStart(Instant.parse("2025-01-13T00:00:00Z")))
                .isEqualTo(Instant.parse("2025-01-13T00:00:00Z"));
        assertThat(Granularity.WEEK.bucketStart(Instant.parse("2025-01-12T23:59:59Z")))
                .isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
    }

    @Test
    void shouldEndABucketOneUnitAfterItsStart() {
        Instant start = Instant.parse("2025-01-13T00:00:00Z");
        assertThat(Granularity.WEEK.bucketEnd(start)).isEqualTo(Instant.parse("2025-01-20T00:00:00Z"));
        assertThat(Granularity.HOUR.bucketEnd(start)).isEqualTo(Instant.parse("2025-01-13T01:00:00Z"));
    }

    @Test
    void shouldParseOnlyKnownGranularities() {
        assertThat(Granularity.parse("week")).isEqualTo(Granularity.WEEK);
        assertThatThrownBy(() -> Granularity.parse("month")).hasMessageContaining("month");
    }
}
