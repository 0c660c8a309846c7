package trendwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shouldReadShortAndIsoDurations() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse(" 5M ")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("90d")).isEqualTo(Duration.ofDays(90));
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldNameWhatItCannotRead() {
        assertThatThrownBy(() -> Durations.parse("a month"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'a month' is not a duration such as 30s, 5m, 2h, 1d or PT5M");
    }

    @Test
    void shouldRefuseDurationsTooLongToHold() {
        assertThatThrownBy(() -> Durations.parse("99999999999999999999d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long a duration");
        assertThatThrownBy(() -> Durations.parse("999999999999999d"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long a duration");
    }
}
