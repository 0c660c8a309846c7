package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Burst;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.Granularity;
import trendwatch.model.SectorContribution;
import trendwatch.model.SourceRef;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;

class PublishTopologyTest {

    private static final Instant NOW = Instant.parse("2025-03-01T00:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2025-01-15T12:34:56Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleLabels> labeled;
    private TestOutputTopic<String, TrendCount> counts;

    @BeforeEach
    void startDriver() {
        driver = new TopologyTestDriver(PublishTopology.build(new PublishConfig(CLOCK, new SimpleMeterRegistry())),
                PublishTopology.settings(shared()));
        labeled = driver.createInputTopic(Topics.ARTICLES_LABELED.name(), Serdes.String().serializer(),
                Topics.ARTICLES_LABELED.valueSerde().serializer());
        counts = driver.createOutputTopic(Topics.COUNTS.name(), Serdes.String().deserializer(),
                Topics.COUNTS.valueSerde().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private Properties shared() {
        return StreamsSettings.exactlyOnce("publish-test", KafkaConnection.of("unused:9092"), stateDir);
    }

    @Test
    void shouldCommitEvery50MsPurgeEvery5MinutesAndKeepTheSharedSettings() {
        StreamsConfig settings = new StreamsConfig(PublishTopology.settings(shared()));

        assertThat(settings.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50L);
        assertThat(settings.getLong(StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG)).isEqualTo(300_000L);
        assertThat(settings.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldCountAnArticleOnceWhenReingested() {
        ArticleLabels article = labels("a1", WEDNESDAY, Map.of("space", new SectorContribution(2, 1.5)));

        labeled.pipeInput("a1", article);
        labeled.pipeInput("a1", article);

        TrendCount day = latest().get("space|day|2025-01-15T00:00:00Z");
        assertThat(day.paragraphs()).isEqualTo(2);
        assertThat(day.articles()).isEqualTo(1);
        assertThat(day.score()).isEqualTo(1.5);
    }

    @Test
    void shouldReplaceAChangedArticlesEarlierContribution() {
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("space", new SectorContribution(2, 1.5))));
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("chips", new SectorContribution(1, 0.7))));

        Map<String, TrendCount> latest = latest();
        assertThat(latest.get("space|day|2025-01-15T00:00:00Z").paragraphs()).isZero();
        assertThat(latest.get("space|day|2025-01-15T00:00:00Z").articles()).isZero();
        assertThat(latest.get("chips|day|2025-01-15T00:00:00Z").paragraphs()).isEqualTo(1);
    }

    @Test
    void shouldPutExplicitEventTimesInTheRightHourDayAndWeekBuckets() {
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("robots", new SectorContribution(3, 2.0))));

        Map<String, TrendCount> latest = latest();
        assertThat(latest).containsKeys("robots|hour|2025-01-15T12:00:00Z", "robots|day|2025-01-15T00:00:00Z",
                "robots|week|2025-01-13T00:00:00Z");
        TrendCount week = latest.get("robots|week|2025-01-13T00:00:00Z");
        assertThat(week.bucketEnd()).isEqualTo(Instant.parse("2025-01-20T00:00:00Z"));
        assertThat(week.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void shouldCountALateArticleInTheBucketOfItsPublicationTime() {
        labeled.pipeInput("new", labels("new", WEDNESDAY, Map.of("space", new SectorContribution(1, 1))));
        labeled.pipeInput("old", labels("old", Instant.parse("2024-03-05T10:00:00Z"),
                Map.of("space", new SectorContribution(4, 3))));

        Map<String, TrendCount> latest = latest();
        assertThat(latest.get("space|day|2024-03-05T00:00:00Z").paragraphs()).isEqualTo(4);
        assertThat(latest.get("space|day|2025-01-15T00:00:00Z").paragraphs()).isEqualTo(1);
    }

    @Test
    void shouldMoveAnArticleWhenItsPublicationTimeChanges() {
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("space", new SectorContribution(1, 1))));
        labeled.pipeInput("a1", labels("a1", WEDNESDAY.plusSeconds(86_400),
                Map.of("space", new SectorContribution(1, 1))));

        Map<String, TrendCount> latest = latest();
        assertThat(latest.get("space|day|2025-01-15T00:00:00Z").paragraphs()).isZero();
        assertThat(latest.get("space|day|2025-01-16T00:00:00Z").paragraphs()).isEqualTo(1);
        assertThat(latest.get("space|week|2025-01-13T00:00:00Z").paragraphs()).isEqualTo(1);
    }

    @Test
    void shouldUseTheFetchTimeWhenThePublicationTimeIsUnknown() {
        labeled.pipeInput("a1", new ArticleLabels(ArticleLabels.SCHEMA, "a1", null, WEDNESDAY, source(), null, "t",
                "v1", Map.of("biomed", new SectorContribution(1, 0.8))));

        assertThat(latest()).containsKey("biomed|day|2025-01-15T00:00:00Z");
    }

    @Test
    void shouldAddUpArticlesAndSubtractAWithdrawnOne() {
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("driving", new SectorContribution(2, 1.2))));
        labeled.pipeInput("a2", labels("a2", WEDNESDAY, Map.of("driving", new SectorContribution(1, 0.6))));
        assertThat(latest().get("driving|day|2025-01-15T00:00:00Z").articles()).isEqualTo(2);

        labeled.pipeInput("a1", (ArticleLabels) null);

        TrendCount day = latest().get("driving|day|2025-01-15T00:00:00Z");
        assertThat(day.articles()).isEqualTo(1);
        assertThat(day.paragraphs()).isEqualTo(1);
        assertThat(day.score()).isEqualTo(0.6);
    }

    @Test
    void shouldPublishOnlyTheSectorsWhoseCountsChanged() {
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("driving", new SectorContribution(2, 1.2),
                "chips", new SectorContribution(1, 0.5))));
        assertThat(counts.readKeyValuesToMap()).containsKeys("driving|hour|2025-01-15T12:00:00Z",
                "chips|hour|2025-01-15T12:00:00Z");

        labeled.pipeInput("a2", labels("a2", WEDNESDAY, Map.of("chips", new SectorContribution(1, 0.7))));

        assertThat(counts.readKeyValuesToList()).extracting(kv -> kv.key).containsExactlyInAnyOrder(
                "chips|hour|2025-01-15T12:00:00Z", "chips|day|2025-01-15T00:00:00Z", "chips|week|2025-01-13T00:00:00Z");
    }

    @Test
    void shouldAnswerTrendQueriesFromTheStoresWithoutZeroCounts() {
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("space", new SectorContribution(1, 1))));
        labeled.pipeInput("a1", labels("a1", WEDNESDAY, Map.of("chips", new SectorContribution(2, 1))));
        labeled.pipeInput("a2", labels("a2", Instant.parse("2025-02-10T00:00:00Z"),
                Map.of("chips", new SectorContribution(1, 1))));
        TrendQueries queries = new TrendQueries(CountStores.local(g -> driver.getKeyValueStore(PublishTopology.countsStore(g))), CLOCK);

        assertThat(queries.trends(new TrendQuery(Granularity.DAY, null, null, null)))
                .extracting(c -> c.sector() + "@" + c.bucketStart() + "=" + c.paragraphs())
                .containsExactly("chips@2025-01-15T00:00:00Z=2", "chips@2025-02-10T00:00:00Z=1");
        assertThat(queries.trends(new TrendQuery(Granularity.DAY, Instant.parse("2025-02-01T00:00:00Z"), null,
                "chips"))).hasSize(1);
        assertThat(queries.trends(new TrendQuery(Granularity.WEEK, null, null, "space"))).isEmpty();
    }

    @Test
    void shouldFireABurstOnceWhenASectorJumpsWellAboveItsBaseline() {
        TestOutputTopic<String, Burst> bursts = driver.createOutputTopic(Topics.BURSTS.name(),
                Serdes.String().deserializer(), Topics.BURSTS.valueSerde().deserializer());
        Instant day = Instant.parse("2025-03-01T09:00:00Z");
        for (int d = 14; d >= 1; d--) {
            labeled.pipeInput("quiet-" + d, labels("quiet-" + d, day.minus(Duration.ofDays(d)),
                    Map.of("chips", contribution("quiet-" + d, 1))));
        }
        assertThat(bursts.readValuesToList()).as("a steady series, and a new one, do not burst").isEmpty();

        for (int i = 0; i < 6; i++) {
            labeled.pipeInput("hot-" + i, labels("hot-" + i, day, Map.of("chips", contribution("hot-" + i, 1))));
        }

        List<Burst> fired = bursts.readValuesToList().stream()
                .filter(b -> b.granularity() == Granularity.DAY).toList();
        assertThat(fired).singleElement().satisfies(burst -> {
            assertThat(burst.sector()).isEqualTo("chips");
            assertThat(burst.bucketStart()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
            assertThat(burst.baseline()).isEqualTo(1.0);
            assertThat(burst.zScore()).isGreaterThanOrEqualTo(2.0);
            assertThat(burst.evidence()).isNotEmpty().allSatisfy(e -> assertThat(e.articleId()).startsWith("hot-"));
        });
    }

    @Test
    void shouldJudgeABucketAgainWhenABackDatedArticleCompletesItsSeriesHistory() {
        TestOutputTopic<String, Burst> bursts = driver.createOutputTopic(Topics.BURSTS.name(),
                Serdes.String().deserializer(), Topics.BURSTS.valueSerde().deserializer());
        Instant day = Instant.parse("2025-03-01T09:00:00Z");
        for (int i = 0; i < 5; i++) {
            labeled.pipeInput("hot-" + i, labels("hot-" + i, day, Map.of("chips", contribution("hot-" + i, 1))));
        }
        assertThat(bursts.readValuesToList()).as("a new series is not known long enough to burst").isEmpty();

        labeled.pipeInput("old", labels("old", day.minus(Duration.ofDays(10)), Map.of("chips", contribution("old", 1))));

        assertThat(bursts.readValuesToList()).as("the day bucket, its count unchanged, judged when its history is")
                .filteredOn(b -> b.granularity() == Granularity.DAY).singleElement().satisfies(burst -> {
                    assertThat(burst.bucketStart()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
                    assertThat(burst.paragraphs()).isEqualTo(5);
                    assertThat(burst.evidence()).isNotEmpty()
                            .allSatisfy(e -> assertThat(e.articleId()).startsWith("hot-"));
                });
    }

    @Test
    void shouldKeepEachBucketsStrongestParagraphsOnePerArticle() {
        Instant day = Instant.parse("2025-03-01T09:00:00Z");
        labeled.pipeInput("weak", labels("weak", day, Map.of("chips", contribution("weak", 1, 0.5))));
        labeled.pipeInput("strong", labels("strong", day, Map.of("chips", contribution("strong", 1, 0.9))));
        labeled.pipeInput("middle", labels("middle", day, Map.of("chips", contribution("middle", 1, 0.7))));
        labeled.pipeInput("strong", labels("strong", day, Map.of("chips", contribution("strong", 1, 0.6))));
        labeled.pipeInput("weakest", labels("weakest", day, Map.of("chips", contribution("weakest", 1, 0.1))));
        for (int i = 1; i <= 3; i++) {
            labeled.pipeInput("faint-" + i, labels("faint-" + i, day, Map.of("chips",
                    contribution("faint-" + i, 1, 0.01 * i))));
        }

        KeyValueStore<String, List<Evidence>> evidence = driver.getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE);
        List<Evidence> kept = evidence.get("chips|day|2025-03-01T00:00:00Z");
        assertThat(kept).as("strongest first, at most %d, the updated article once with its new paragraph",
                        BurstDetector.EVIDENCE_KEPT)
                .extracting(e -> e.articleId() + "=" + e.score())
                .containsExactly("middle=0.7", "strong=0.6", "weak=0.5", "weakest=0.1", "faint-3=0.03", "faint-2=0.02");
        assertThat(BurstDetector.cited(kept)).as("a burst cites the strongest %d", BurstDetector.EVIDENCE_PER_BUCKET)
                .extracting(EvidenceParagraph::articleId).containsExactly("middle", "strong", "weak");
        assertThat(evidence.get("chips|week|2025-02-24T00:00:00Z")).hasSize(BurstDetector.EVIDENCE_KEPT);
    }

    @Test
    void shouldMoveAParagraphUpFromTheReserveWhenACitedOneIsWithdrawn() {
        Instant day = Instant.parse("2025-03-01T09:00:00Z");
        for (int i = 1; i <= 4; i++) {
            labeled.pipeInput("a" + i, labels("a" + i, day, Map.of("chips", contribution("a" + i, 1, 0.1 * i))));
        }

        labeled.pipeInput("a4", (ArticleLabels) null);

        List<Evidence> kept = driver.<String, List<Evidence>>getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE)
                .get("chips|day|2025-03-01T00:00:00Z");
        assertThat(BurstDetector.cited(kept)).extracting(EvidenceParagraph::articleId)
                .containsExactly("a3", "a2", "a1");
    }

    @Test
    void shouldDropABucketsEvidenceWhenItsLastArticleMovesAway() {
        Instant monday = Instant.parse("2025-03-03T09:00:00Z");
        labeled.pipeInput("a1", labels("a1", monday, Map.of("chips", contribution("a1", 1))));
        labeled.pipeInput("a1", labels("a1", monday.plus(Duration.ofDays(1)), Map.of("chips", contribution("a1", 1))));

        KeyValueStore<String, List<Evidence>> evidence = driver.getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE);
        assertThat(evidence.get("chips|day|2025-03-03T00:00:00Z")).as("the day it left").isNull();
        assertThat(evidence.get("chips|day|2025-03-04T00:00:00Z")).extracting(Evidence::articleId).containsExactly("a1");
        assertThat(evidence.get("chips|week|2025-03-03T00:00:00Z")).as("the week it stayed in")
                .extracting(Evidence::articleId).containsExactly("a1");
    }

    @Test
    void shouldWithdrawAMovedArticlesParagraphFromTheBucketsItLeft() {
        Instant monday = Instant.parse("2025-03-03T09:00:00Z");
        labeled.pipeInput("stays", labels("stays", monday, Map.of("chips", contribution("stays", 1, 0.5))));
        labeled.pipeInput("moves", labels("moves", monday, Map.of("chips", contribution("moves", 1, 0.9))));
        labeled.pipeInput("moves", labels("moves", monday.plus(Duration.ofDays(1)),
                Map.of("chips", contribution("moves", 1, 0.9))));

        KeyValueStore<String, List<Evidence>> evidence = driver.getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE);
        assertThat(evidence.get("chips|day|2025-03-03T00:00:00Z")).as("the day it left")
                .extracting(Evidence::articleId).containsExactly("stays");
        assertThat(evidence.get("chips|day|2025-03-04T00:00:00Z")).extracting(Evidence::articleId)
                .containsExactly("moves");
        assertThat(evidence.get("chips|week|2025-03-03T00:00:00Z")).as("the week both are in")
                .extracting(Evidence::articleId).containsExactly("moves", "stays");
    }

    @Test
    void shouldWithdrawTheParagraphOfASectorAnArticleNoLongerHas() {
        Instant monday = Instant.parse("2025-03-03T09:00:00Z");
        labeled.pipeInput("other", labels("other", monday, Map.of("chips", contribution("other", 1, 0.5))));
        labeled.pipeInput("a1", labels("a1", monday, Map.of("chips", contribution("a1", 1), "space",
                contribution("a1", 1))));
        labeled.pipeInput("a1", labels("a1", monday, Map.of("space", contribution("a1", 1))));

        KeyValueStore<String, List<Evidence>> evidence = driver.getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE);
        assertThat(evidence.get("chips|hour|2025-03-03T09:00:00Z")).extracting(Evidence::articleId)
                .containsExactly("other");
        assertThat(evidence.get("space|hour|2025-03-03T09:00:00Z")).extracting(Evidence::articleId)
                .containsExactly("a1");
    }

    @Test
    void shouldWithdrawAWithdrawnArticlesParagraph() {
        Instant monday = Instant.parse("2025-03-03T09:00:00Z");
        labeled.pipeInput("other", labels("other", monday, Map.of("chips", contribution("other", 1, 0.5))));
        labeled.pipeInput("gone", labels("gone", monday, Map.of("chips", contribution("gone", 1))));
        labeled.pipeInput("gone", (ArticleLabels) null);

        KeyValueStore<String, List<Evidence>> evidence = driver.getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE);
        for (String bucket : List.of("hour|2025-03-03T09:00:00Z", "day|2025-03-03T00:00:00Z",
                "week|2025-03-03T00:00:00Z")) {
            assertThat(evidence.get("chips|" + bucket)).as(bucket).extracting(Evidence::articleId)
                    .containsExactly("other");
        }
    }

    @Test
    void shouldKeepOnlyTheNewestBucketsOfEachSeriesInTheBurstStore() {
        Instant start = Instant.parse("2025-01-01T00:30:00Z");
        int hours = BurstHistory.KEPT + 10;
        for (int h = 0; h < hours; h++) {
            labeled.pipeInput("a-" + h, labels("a-" + h, start.plus(Duration.ofHours(h)),
                    Map.of("chips", contribution("a-" + h, 1))));
        }
        labeled.pipeInput("late", labels("late", start.minus(Duration.ofDays(3)),
                Map.of("chips", contribution("late", 1))));

        KeyValueStore<String, BurstHistory.Mark> marks = driver.getKeyValueStore(PublishTopology.BURST_HISTORY_STORE);
        List<String> hourKeys = new ArrayList<>();
        try (KeyValueIterator<String, BurstHistory.Mark> it = marks.prefixScan("chips|hour|", new StringSerializer())) {
            it.forEachRemaining(kv -> hourKeys.add(kv.key));
        }
        assertThat(hourKeys).as("the newest %d hours, not the late article's old one", BurstHistory.KEPT)
                .hasSize(BurstHistory.KEPT)
                .first().isEqualTo("chips|hour|" + start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hours - BurstHistory.KEPT)));
        assertThat(marks.get("chips|hour|" + start.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(hours - 1))))
                .isEqualTo(new BurstHistory.Mark(1, false));
        KeyValueStore<String, List<Evidence>> evidence = driver.getKeyValueStore(PublishTopology.BURST_EVIDENCE_STORE);
        List<String> evidenceKeys = new ArrayList<>();
        try (KeyValueIterator<String, List<Evidence>> it = evidence.prefixScan("chips|hour|", new StringSerializer())) {
            it.forEachRemaining(kv -> evidenceKeys.add(kv.key));
        }
        assertThat(evidenceKeys).as("evidence only for the buckets whose marks are kept").isEqualTo(hourKeys);
    }

    @Test
    void shouldGiveEachSectorItsShareOfTheBucketsLabeledParagraphs() {
        labeled.pipeInput("a1", new ArticleLabels(ArticleLabels.SCHEMA, "a1", WEDNESDAY, WEDNESDAY, source(), null,
                "t", "v1", Map.of("space", new SectorContribution(3, 2), "chips", new SectorContribution(1, 1)), 3));
        TrendQueries queries = new TrendQueries(CountStores.local(g -> driver.getKeyValueStore(PublishTopology.countsStore(g))), CLOCK);

        List<TrendPoint> day = queries.trends(new TrendQuery(Granularity.DAY, null, null, null));

        assertThat(day).extracting(p -> p.sector() + "=" + p.share()).containsExactly("chips=0.333", "space=1.0");
    }

    @Test
    void shouldKeepStoreAndOperatorNamesStable() {
        String description = PublishTopology.build(new PublishConfig(CLOCK, new SimpleMeterRegistry())).describe().toString();

        assertThat(description).contains("labeled-articles", "hour-counts", "day-counts", "week-counts",
                "day-buckets", "day-aggregate", "Sink: day-counts-sink", "Source: articles-labeled",
                "Processor: burst-detector", "sector-counts", "sector-evidence", PublishTopology.BURST_HISTORY_STORE,
                PublishTopology.BURST_EVIDENCE_STORE, "Sink: bursts-sink");
    }

    @Test
    void shouldFeedEachBucketStoreFromTheTopicTheClusterCheckLooksAt() {
        String description = PublishTopology.build(new PublishConfig(CLOCK, new SimpleMeterRegistry())).describe().toString();

        for (Granularity g : Granularity.values()) {
            String topic = PublishTopology.bucketsTopic(g).substring((PublishTopology.APPLICATION_ID + "-").length());
            assertThat(description).contains("Source: " + g.id() + "-aggregate-source (topics: [" + topic + "])");
        }
    }

    @Test
    void shouldKeepTheNumbersOfTheSubTopologies() {
        // state folders are named after them (1_0, 2_1 …): renumbered, every task would be wiped and restored on upgrade
        String description = PublishTopology.build(new PublishConfig(CLOCK, new SimpleMeterRegistry())).describe().toString();

        assertThat(description.replaceAll("(?s)\\(topics: [^)]*\\)", "").lines()
                .filter(line -> line.contains("Sub-topology") || line.contains("Source:")).map(String::strip).toList())
                .containsExactly("Sub-topology: 0", "Source: articles-labeled",
                        "Sub-topology: 1", "Source: day-aggregate-source", "Source: hour-aggregate-source",
                        "Source: week-aggregate-source",
                        "Sub-topology: 2", "Source: sector-counts-repartition-source",
                        "Source: sector-evidence-repartition-source");
    }

    private Map<String, TrendCount> latest() {
        return counts.readKeyValuesToMap();
    }

    private static ArticleLabels labels(String id, Instant publishedAt, Map<String, SectorContribution> sectors) {
        return new ArticleLabels(ArticleLabels.SCHEMA, id, publishedAt, publishedAt.plusSeconds(60), source(), null,
                "t", "v1", sectors);
    }

    private static SectorContribution contribution(String articleId, int paragraphs) {
        return contribution(articleId, paragraphs, 0.9);
    }

    private static SectorContribution contribution(String articleId, int paragraphs, double bestScore) {
        return new SectorContribution(paragraphs, paragraphs * bestScore, new EvidenceParagraph(articleId, "title "
                + articleId, null, source(), 0, "Inference chips sold out.", List.of("inference chips"), bestScore));
    }

    private static SourceRef source() {
        return new SourceRef("folder", "inbox", null);
    }
}
