package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.ArticleLabels;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.Granularity;
import trendwatch.model.SectorContribution;
import trendwatch.model.SourceRef;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;
import trendwatch.model.testing.KafkaTestCluster;

/**
 * Whether a bucket bursts depends on the counts, not on restarts. Publish forgets after a restart which counts it
 * has passed on, so the next change to a bucket passes on the bucket's unchanged sectors too: a sector whose
 * history a back-dated article completed must have been judged then, not when a restart and another sector's
 * article happen to pass its count on again.
 */
class BurstRestartIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Instant TODAY = Instant.parse("2025-03-01T09:00:00Z");

    @TempDir
    Path stateDir;

    private KafkaTestCluster kafka;
    private KafkaStreams publish;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.ARTICLES_LABELED.name(), Topics.COUNTS.name(), Topics.BURSTS.name(),
                Topics.DLQ.name()), 1);
    }

    @AfterEach
    void stopKafka() throws Exception {
        if (publish != null) {
            publish.close(Duration.ofSeconds(30));
        }
        kafka.close();
    }

    @Test
    void shouldFireTheSameBurstsWithOrWithoutARestart() throws Exception {
        publish = startPublish();
        for (int i = 0; i < 5; i++) {
            send(article("hot-" + i, TODAY, "chips"));
        }
        awaitCount("chips", TODAY, 5);
        send(article("old", TODAY.minus(Duration.ofDays(10)), "chips"));
        awaitCount("chips", TODAY.minus(Duration.ofDays(10)), 1);
        send(article("space-1", TODAY, "space"));
        awaitCount("space", TODAY, 1);
        List<String> beforeRestart = chipsBurstsAfterProbe("robots");

        publish.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
        publish = startPublish();
        send(article("space-2", TODAY, "space"));
        awaitCount("space", TODAY, 2);
        List<String> afterRestart = chipsBurstsAfterProbe("biomed");

        assertThat(afterRestart).as("another sector's article after a restart fires nothing new").isEqualTo(beforeRestart);
        assertThat(beforeRestart).as("chips's day burst, fired once when the back-dated article came")
                .containsOnlyOnce("chips|day|2025-03-01T00:00:00Z");
    }

    private KafkaStreams startPublish() {
        KafkaStreams streams = new KafkaStreams(
                PublishTopology.build(new PublishConfig(Clock.systemUTC(), new SimpleMeterRegistry())),
                PublishTopology.settings(StreamsSettings.exactlyOnce(PublishTopology.APPLICATION_ID,
                        kafka.connection(), stateDir)));
        streams.start();
        return streams;
    }

    private void send(ArticleLabels article) throws Exception {
        kafka.produce(Topics.ARTICLES_LABELED.name(), article.articleId().getBytes(StandardCharsets.UTF_8),
                Topics.ARTICLES_LABELED.valueSerde().serializer().serialize(Topics.ARTICLES_LABELED.name(), article));
    }

    /**
     * Waits for a day count on {@code trend.counts}, so that each step is counted in a commit of its own: in one
     * commit the counts store's cache would pass on each bucket once, in its own order.
     */
    private void awaitCount(String sector, Instant time, long paragraphs) {
        String key = TrendCount.key(sector, Granularity.DAY, Granularity.DAY.bucketStart(time));
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(() -> kafka.readAll(Topics.COUNTS.name()).stream()
                        .filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8)))
                        .map(r -> Topics.COUNTS.valueSerde().deserializer().deserialize(Topics.COUNTS.name(), r.value()))
                        .anyMatch(count -> count.paragraphs() == paragraphs));
    }

    /**
     * A sector that bursts today (one article ten days ago, then three today) goes through the detector after
     * everything sent before it; once its day burst is committed, so is whatever the detector sent for chips.
     */
    private List<String> chipsBurstsAfterProbe(String probe) throws Exception {
        send(article(probe + "-old", TODAY.minus(Duration.ofDays(10)), probe));
        for (int i = 0; i < 3; i++) {
            send(article(probe + "-" + i, TODAY, probe));
        }
        String probeBurst = TrendCount.key(probe, Granularity.DAY, Granularity.DAY.bucketStart(TODAY));
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(250))
                .until(this::burstKeys, keys -> keys.contains(probeBurst));
        return burstKeys().stream().filter(key -> key.startsWith("chips|")).toList();
    }

    /** The keys on {@code trend.bursts} so far, in order. */
    private List<String> burstKeys() {
        return kafka.readAll(Topics.BURSTS.name()).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
    }

    private static ArticleLabels article(String id, Instant publishedAt, String sector) {
        SourceRef source = new SourceRef("folder", "inbox", null);
        EvidenceParagraph paragraph = new EvidenceParagraph(id, "title " + id, null, source, 0, "A paragraph on "
                + sector + ".", List.of(sector), 0.9);
        return new ArticleLabels(ArticleLabels.SCHEMA, id, publishedAt, publishedAt.plusSeconds(60), source, null,
                "t", "v1", Map.of(sector, new SectorContribution(1, 0.9, paragraph)));
    }
}
