package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Granularity;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SectorContribution;
import trendwatch.model.SourceRef;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;

/** The trend answers' {@code updatedAt}: when the count last moved, whenever the question is asked. */
class TrendQueriesTest {

    private static final Instant FIRST = Instant.parse("2025-01-15T12:00:05Z");
    private static final Instant EVENT = Instant.parse("2025-01-15T12:00:00Z");

    @TempDir
    Path stateDir;

    private final MovableClock clock = new MovableClock(FIRST);
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleLabels> labeled;
    private TrendQueries queries;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(PublishTopology.build(new PublishConfig(clock, new SimpleMeterRegistry())),
                PublishTopology.settings(StreamsSettings.exactlyOnce("queries-test", KafkaConnection.of("unused:9092"),
                        stateDir)));
        labeled = driver.createInputTopic(Topics.ARTICLES_LABELED.name(), Serdes.String().serializer(),
                Topics.ARTICLES_LABELED.valueSerde().serializer());
        queries = new TrendQueries(CountStores.local(g -> driver.getKeyValueStore(PublishTopology.countsStore(g))),
                clock);
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void shouldAnswerWhenTheCountLastMovedNotWhenAsked() {
        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))));
        clock.advance(Duration.ofSeconds(2));

        assertThat(queries.trends(new TrendQuery(Granularity.DAY, null, null, "chips")))
                .extracting(TrendPoint::updatedAt).containsExactly(FIRST);
        assertThat(chips(queries.current(Granularity.DAY, List.of("chips", "space"))).updatedAt()).isEqualTo(FIRST);
    }

    @Test
    void shouldMoveOnlyTheSectorsWhoseCountsChanged() {
        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))));
        clock.advance(Duration.ofMinutes(3));
        Instant later = clock.instant();

        labeled.pipeInput("a2", labels("a2", Map.of("space", new SectorContribution(1, 0.5))));
        clock.advance(Duration.ofMinutes(3));

        assertThat(queries.trends(new TrendQuery(Granularity.HOUR, null, null, null)))
                .extracting(p -> p.sector() + "=" + p.updatedAt())
                .containsExactly("chips=" + FIRST, "space=" + later);
    }

    @Test
    void shouldPublishTheSameUpdatedAtOnTrendCountsAsTheAnswers() {
        TestOutputTopic<String, TrendCount> counts = driver.createOutputTopic(Topics.COUNTS.name(),
                Serdes.String().deserializer(), Topics.COUNTS.valueSerde().deserializer());
        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))));
        clock.advance(Duration.ofMinutes(1));

        TrendCount day = counts.readKeyValuesToMap().get("chips|day|2025-01-15T00:00:00Z");
        assertThat(day.updatedAt()).isEqualTo(FIRST);
        assertThat(queries.trends(new TrendQuery(Granularity.DAY, null, null, "chips")).get(0).updatedAt())
                .isEqualTo(day.updatedAt());
    }

    /** Kafka Streams subtracts the earlier version and adds the new one in one update: the count did not move. */
    @Test
    void shouldNotMoveACountThatAnArticlesNewVersionLeavesAsItWas() {
        TestOutputTopic<String, TrendCount> counts = driver.createOutputTopic(Topics.COUNTS.name(),
                Serdes.String().deserializer(), Topics.COUNTS.valueSerde().deserializer());
        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))), FIRST);
        counts.readKeyValuesToList();
        clock.advance(Duration.ofMinutes(3));

        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))), clock.instant());

        assertThat(queries.trends(new TrendQuery(Granularity.DAY, null, null, "chips")))
                .extracting(TrendPoint::updatedAt).containsExactly(FIRST);
        assertThat(counts.readKeyValuesToList()).as("count changes published").isEmpty();
    }

    @Test
    void shouldMoveACountThatAnArticlesNewVersionChanges() {
        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))), FIRST);
        clock.advance(Duration.ofMinutes(3));
        Instant changed = clock.instant();

        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(3, 2.5))), changed);

        assertThat(queries.trends(new TrendQuery(Granularity.DAY, null, null, "chips")))
                .extracting(TrendPoint::updatedAt).containsExactly(changed);
    }

    @Test
    void shouldAnswerNullForASectorThatNeverMovedInTheBucket() {
        labeled.pipeInput("a1", labels("a1", Map.of("chips", new SectorContribution(2, 1.5))));

        assertThat(queries.current(Granularity.DAY, List.of("space")).get(0).updatedAt()).isNull();
    }

    private static TrendPoint chips(List<TrendPoint> points) {
        return points.stream().filter(p -> p.sector().equals("chips")).findFirst().orElseThrow();
    }

    private static ArticleLabels labels(String id, Map<String, SectorContribution> sectors) {
        return new ArticleLabels(ArticleLabels.SCHEMA, id, EVENT, EVENT, new SourceRef("folder", "inbox", null), null,
                "t", "v1", sectors);
    }

    /** A clock the test moves on by hand, so the time of a question differs from the time of the count. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the tests need UTC only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
