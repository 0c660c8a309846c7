package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import trendwatch.model.testing.MovableClock;

class ThreadFailuresTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-29T12:00:00Z"));
    private final ThreadFailures failures = new ThreadFailures(clock);

    @Test
    void shouldBeFailingFromTheThirdFailureWithinAMinuteUntilAMinuteWithoutOne() {
        failures.record(new IllegalStateException("first"));
        clock.advance(Duration.ofSeconds(20));
        failures.record(new IllegalStateException("second"));
        assertThat(failures.failing()).isFalse();

        clock.advance(Duration.ofSeconds(20));
        failures.record(new IllegalStateException("third"));
        assertThat(failures.failing()).isTrue();
        assertThat(failures.describe()).contains("3 stream thread failures").contains("third");

        clock.advance(Duration.ofSeconds(21));
        assertThat(failures.failing()).as("the first failure is over a minute old").isFalse();
    }

    @Test
    void shouldNotCountFailuresSpreadOverMoreThanAMinute() {
        for (int i = 0; i < 5; i++) {
            failures.record(new IllegalStateException("failure " + i));
            clock.advance(Duration.ofSeconds(31));
        }
        assertThat(failures.failing()).isFalse();
    }
}
