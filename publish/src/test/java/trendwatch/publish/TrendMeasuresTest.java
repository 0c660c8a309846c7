package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrendMeasuresTest {

    @Test
    void shouldScoreACountAgainstTheMeanAndSpreadOfItsHistory() {
        TrendMeasures.Measure m = TrendMeasures.of(10, new long[] {2, 4, 6, 4});

        assertThat(m.baseline()).isEqualTo(4.0);
        assertThat(m.zScore()).isEqualTo(4.243);
        assertThat(m.status()).isEqualTo("rising");
    }

    @Test
    void shouldNotDivideByZeroOnAFlatHistory() {
        assertThat(TrendMeasures.of(3, new long[] {0, 0, 0}).zScore()).isEqualTo(3.0);
        assertThat(TrendMeasures.of(0, new long[] {0, 0, 0}).status()).isEqualTo("steady");
    }

    @Test
    void shouldCallADropBelowTheBaselineFalling() {
        assertThat(TrendMeasures.of(0, new long[] {5, 6, 5, 6}).status()).isEqualTo("falling");
    }

    @Test
    void shouldGiveNoPercentageForGrowthFromZero() {
        assertThat(TrendMeasures.changePercent(4, 0)).isNull();
        assertThat(TrendMeasures.changePercent(3, 4)).isEqualTo(-25.0);
        assertThat(TrendMeasures.share(1, 0)).isZero();
    }
}
