package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.Granularity;
import trendwatch.model.SourceRef;
import trendwatch.model.TrendCount;

class WireTest {

    private static final Instant WHEN = Instant.parse("2025-01-15T12:34:56.789Z");
    private static final Evidence BEST = Evidence.of(new EvidenceParagraph("a-1", "固态电池量产", "https://x.test/1",
            new SourceRef("rss", "news", null), 3, "固态电池的能量密度达到 400Wh/kg。", List.of("固态电池"), 0.93));

    @Test
    void shouldReadBackAnArticlesContributionWithItsEvidence() {
        Contribution article = new Contribution("a-1", WHEN, 4, Map.of(
                "batteries", new Contribution.Share(3, 2710, BEST), "chips", new Contribution.Share(1, 500, null)));

        Contribution read = roundTrip(Wire.CONTRIBUTION, article);

        assertThat(read).isEqualTo(article);
        assertThat(read.sectors().get("batteries").best().paragraph().text()).isEqualTo("固态电池的能量密度达到 400Wh/kg。");
    }

    @Test
    void shouldKeepOnlyTheNumbersInTheArticlesTable() {
        Contribution article = new Contribution("a-1", WHEN, 4, Map.of("batteries", new Contribution.Share(3, 2710, BEST)));

        byte[] numbers = Wire.CONTRIBUTION_NUMBERS.serializer().serialize("t", article);

        assertThat(numbers.length).isLessThan(Wire.CONTRIBUTION.serializer().serialize("t", article).length / 3);
        assertThat(Wire.CONTRIBUTION_NUMBERS.deserializer().deserialize("t", numbers))
                .isEqualTo(new Contribution("a-1", WHEN, 4, Map.of("batteries", new Contribution.Share(3, 2710, null))));
    }

    @Test
    void shouldReadBackBucketCountsCountChangesAndBurstMarks() {
        BucketCounts bucket = new BucketCounts(Map.of("batteries", new SectorTotals(7, 3, 6100),
                "chips", new SectorTotals(0, 0, 0)), 9, Map.of("batteries", List.of(BEST)));
        TrendCount count = new TrendCount(TrendCount.SCHEMA, "batteries", Granularity.DAY, WHEN, WHEN.plusSeconds(86_400),
                7, 3, 6.1, WHEN);
        CountChange change = new CountChange(count, List.of(BEST));

        assertThat(roundTrip(Wire.BUCKET_COUNTS, bucket)).isEqualTo(bucket);
        assertThat(roundTrip(Wire.COUNT_CHANGE, change)).isEqualTo(change);
        assertThat(roundTrip(Wire.BURST_MARK, new BurstHistory.Mark(12, true))).isEqualTo(new BurstHistory.Mark(12, true));
    }

    @Test
    void shouldRefuseTheJsonOfAnEarlierVersionByName() {
        byte[] json = "{\"sectors\":{},\"labeledParagraphs\":0}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Wire.BUCKET_COUNTS.deserializer().deserialize("hour-counts-changelog", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("BucketCounts").hasMessageContaining("hour-counts-changelog")
                .hasMessageContaining("earlier version");
    }

    @Test
    void shouldRefuseATruncatedValue() {
        byte[] whole = Wire.COUNT_CHANGE.serializer().serialize("t", new CountChange(new TrendCount(TrendCount.SCHEMA,
                "chips", Granularity.HOUR, WHEN, WHEN.plusSeconds(3600), 1, 1, 1.0, WHEN), List.of(BEST)));

        assertThatThrownBy(() -> Wire.COUNT_CHANGE.deserializer().deserialize("t", Arrays.copyOf(whole, whole.length - 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a valid CountChange");
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }
}
