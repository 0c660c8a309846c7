package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.ArticleLabels;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SectorContribution;
import trendwatch.model.SourceRef;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;

class ArticleExpiryTest {

    private static final Instant START = Instant.parse("2026-11-29T08:00:00Z");
    private static final Instant PUBLISHED = Instant.parse("2026-11-28T12:34:56Z");
    private static final String DAY = "space|day|2026-11-28T00:00:00Z";

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleLabels> labeled;
    private TestOutputTopic<String, TrendCount> counts;

    @AfterEach
    void closeDriver() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldForgetAnArticleIngestedLongerAgoThanAskedWithoutTouchingItsCounts() {
        start(Duration.ofHours(1));
        ingest("a1", 2, 0);
        ingest("a2", 3, 50);

        ingest("a3", 1, 70);

        assertThat(articles().get("a1")).as("ingested 70 minutes before the newest").isNull();
        assertThat(articles().get("a2")).as("ingested 20 minutes before the newest").isNotNull();
        assertThat(meters.counter("trendwatch.articles.forgotten").count()).isEqualTo(1);
        assertDayCounts(6, 3, "forgetting subtracts nothing");
    }

    @Test
    void shouldGoByTheIngestTimeOfTheArticlesReadNotByTheWallClock() {
        start(Duration.ofHours(1));
        ingest("a1", 2, 0);

        driver.advanceWallClockTime(Duration.ofDays(2));
        ingest("a2", 3, 59);

        assertThat(articles().get("a1")).as("59 minutes before the newest article read, two days by the clock")
                .isNotNull();
    }

    @Test
    void shouldForgetThroughTheChangelogSoThatARestoreForgetsTheSameArticles() {
        start(Duration.ofHours(1));
        ingest("a1", 2, 0);
        TestOutputTopic<String, byte[]> changelog = driver.createOutputTopic(
                "publish-test-" + PublishTopology.ARTICLES_STORE + "-changelog",
                Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
        assertThat(changelog.readKeyValue().value).isNotNull();

        ingest("a2", 3, 70);

        assertThat(changelog.readKeyValuesToList()).extracting(kv -> kv.key + "=" + (kv.value == null ? "deleted" : "kept"))
                .containsExactly("a2=kept", "a1=deleted");
    }

    @Test
    void shouldCountAChangedVersionOfAForgottenArticleAsANewArticle() {
        start(Duration.ofHours(1));
        ingest("a1", 2, 0);
        ingest("a2", 3, 70);

        ingest("a1", 4, 71);

        assertDayCounts(9, 3, "the price of a bounded table: a1's 2 are no longer known to subtract");
    }

    @Test
    void shouldSubtractNothingWhenAForgottenArticleIsWithdrawn() {
        start(Duration.ofHours(1));
        ingest("a1", 2, 0);
        ingest("a2", 3, 70);

        labeled.pipeInput("a1", null, START.plus(Duration.ofMinutes(71)));

        assertDayCounts(5, 2, "the price of a bounded table: a1's withdrawal finds nothing to subtract");
    }

    @Test
    void shouldForgetALargeBacklogASweepAtATime() {
        start(Duration.ofHours(1));
        int backlog = ArticleExpiry.MOST_DELETES_PER_SWEEP + 1;
        for (int i = 0; i < backlog; i++) {
            ingest("old-" + i, 1, 0);
        }

        ingest("new-1", 1, 70);
        assertThat(meters.counter("trendwatch.articles.forgotten").count()).as("the first sweep")
                .isEqualTo(ArticleExpiry.MOST_DELETES_PER_SWEEP);

        ingest("new-2", 1, 71);
        assertThat(meters.counter("trendwatch.articles.forgotten").count()).as("the next one goes on")
                .isEqualTo(backlog);
        assertThat(articles().get("new-1")).isNotNull();
    }

    @Test
    void shouldForgetArticlesTheTableHeldWhenTheTaskStarted() {
        // TopologyTestDriver wipes its state when closed, so the start is played with a mock context
        TimestampedKeyValueStore<String, Contribution> table = Stores.timestampedKeyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(PublishTopology.ARTICLES_STORE), Serdes.String(), Wire.CONTRIBUTION)
                .withLoggingDisabled().build();
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        table.init(context.getStateStoreContext(), table);
        context.addStateStore(table);
        table.put("before", ValueAndTimestamp.make(Contribution.of(labels("before", 2)), START.toEpochMilli()));
        ArticleExpiry expiry = new ArticleExpiry(new PublishConfig(Clock.fixed(START, ZoneOffset.UTC), meters,
                Duration.ofHours(1)));

        expiry.init(context);
        expiry.process(new Record<>("after", labels("after", 1), START.plus(Duration.ofMinutes(70)).toEpochMilli()));
        context.scheduledPunctuators().get(0).getPunctuator().punctuate(START.plus(Duration.ofMinutes(70))
                .toEpochMilli());

        assertThat(table.get("before")).isNull();
        assertThat(meters.counter("trendwatch.articles.forgotten").count()).isEqualTo(1);
    }

    @Test
    void shouldReplaceAnArticleChangedWithinTheTime() {
        start(Duration.ofHours(1));
        ingest("a1", 2, 0);
        ingest("a1", 4, 40);
        ingest("a2", 3, 80);

        assertThat(articles().get("a1")).as("its latest version is 40 minutes older than the newest").isNotNull();
        assertDayCounts(7, 2, "a1's 4 replaced its 2");
    }

    @Test
    void shouldKeepEveryArticleByDefault() {
        start(null);
        ingest("a1", 2, 0);

        labeled.pipeInput("a2", labels("a2", 3), START.plus(Duration.ofDays(400)));

        assertThat(articles().get("a1")).isNotNull();
    }

    @Test
    void shouldSweepAboutTenTimesPerPeriodWithinBounds() {
        assertThat(ArticleExpiry.sweepInterval(Duration.ofSeconds(50))).isEqualTo(Duration.ofSeconds(5));
        assertThat(ArticleExpiry.sweepInterval(Duration.ofDays(30))).isEqualTo(Duration.ofSeconds(10));
        assertThat(ArticleExpiry.sweepInterval(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(1));
    }

    private void start(Duration forgetAfter) {
        PublishConfig config = new PublishConfig(Clock.fixed(START, ZoneOffset.UTC), meters, forgetAfter);
        driver = new TopologyTestDriver(PublishTopology.build(config),
                StreamsSettings.exactlyOnce("publish-test", KafkaConnection.of("unused:9092"), stateDir), START);
        labeled = driver.createInputTopic(Topics.ARTICLES_LABELED.name(), Serdes.String().serializer(),
                Topics.ARTICLES_LABELED.valueSerde().serializer());
        counts = driver.createOutputTopic(Topics.COUNTS.name(), Serdes.String().deserializer(),
                Topics.COUNTS.valueSerde().deserializer());
    }

    /** An article of {@code paragraphs} space paragraphs, written to the raw topic that many minutes after START. */
    private void ingest(String id, int paragraphs, int minutes) {
        labeled.pipeInput(id, labels(id, paragraphs), START.plus(Duration.ofMinutes(minutes)));
    }

    private void assertDayCounts(int paragraphs, int articles, String why) {
        TrendCount day = counts.readKeyValuesToMap().get(DAY);
        assertThat(day.paragraphs()).as(why).isEqualTo(paragraphs);
        assertThat(day.articles()).as(why).isEqualTo(articles);
    }

    private KeyValueStore<String, ?> articles() {
        return driver.getKeyValueStore(PublishTopology.ARTICLES_STORE);
    }

    private static ArticleLabels labels(String id, int paragraphs) {
        return new ArticleLabels(ArticleLabels.SCHEMA, id, PUBLISHED, PUBLISHED.plusSeconds(60),
                new SourceRef("folder", "inbox", null), null, "t", "v1",
                Map.of("space", new SectorContribution(paragraphs, paragraphs * 0.5)));
    }
}
