package trendwatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static final Duration MIN = Duration.ofMinutes(5);
    private static final Duration MAX = Duration.ofHours(6);

    @Test
    void shouldPollMoreOftenWhileASourcePublishesButNeverBelowTheMinimum() {
        assertThat(Schedule.afterSuccess(Duration.ofMinutes(60), MIN, MAX, true, null)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Schedule.afterSuccess(Duration.ofMinutes(6), MIN, MAX, true, null)).isEqualTo(MIN);
    }

    @Test
    void shouldPollLessOftenWhileASourceIsQuietButNeverAboveTheMaximum() {
        assertThat(Schedule.afterSuccess(Duration.ofMinutes(60), MIN, MAX, false, null)).isEqualTo(Duration.ofMinutes(90));
        assertThat(Schedule.afterSuccess(Duration.ofHours(5), MIN, MAX, false, null)).isEqualTo(MAX);
    }

    @Test
    void shouldNotPollBeforeTheServerSaysTheContentIsStale() {
        assertThat(Schedule.afterSuccess(Duration.ofMinutes(10), MIN, MAX, true, Duration.ofMinutes(45)))
                .isEqualTo(Duration.ofMinutes(45));
        assertThat(Schedule.afterSuccess(Duration.ofMinutes(10), MIN, MAX, true, Duration.ofDays(3))).isEqualTo(MAX);
    }

    @Test
    void shouldBackOffExponentiallyOnFailuresUpToTheMaximum() {
        assertThat(Schedule.afterFailure(1, MIN, MAX, null)).isEqualTo(MIN);
        assertThat(Schedule.afterFailure(2, MIN, MAX, null)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Schedule.afterFailure(4, MIN, MAX, null)).isEqualTo(Duration.ofMinutes(40));
        assertThat(Schedule.afterFailure(40, MIN, MAX, null)).isEqualTo(MAX);
    }

    @Test
    void shouldHonourALongerRetryAfter() {
        assertThat(Schedule.afterFailure(1, MIN, MAX, Duration.ofHours(12))).isEqualTo(Duration.ofHours(12));
        assertThat(Schedule.afterFailure(3, MIN, MAX, Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(20));
    }
}
