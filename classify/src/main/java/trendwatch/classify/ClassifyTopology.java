package trendwatch.classify;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;

/**
 * The classify stage: {@code trend.articles.raw} → labeled paragraphs, per-sector topics and each article's
 * contribution to the counts. Stateless: one article in, all of its outputs out, in one transaction.
 */
public final class ClassifyTopology {

    public static final String APPLICATION_ID = "trendwatch-classify";
    /**
     * Each commit writes a marker to every partition its transaction touched (~25: paragraphs, sector topics,
     * contributions) and costs the broker as much again; at the default 100 ms that CPU came out of classifying,
     * on two cores shared with the broker. At 300 ms an article's count comes sooner in the tail, not later
     * (LatencyBench 1 300/s: counts p99 913 -> 645 ms, p50 249 -> 359 ms; README, tuning table).
     */
    public static final int COMMIT_INTERVAL_MS = 300;
    /**
     * The consumer's side of linger. By default a fetch returns as soon as one record is there, so at a steady
     * rate classify fetched and processed a few articles at a time; waiting for 64 KB (about 20 articles) or
     * 25 ms cut its thread's CPU by a third (LatencyBench 1 300/s --days 30, set for both stages: 0.44 -> 0.30
     * cores, the process 1.77 -> 1.57, counts p99 unchanged, paragraphs p50 +10 to 25 ms; for classify alone, at half
     * the maximum: the process 1.84 -> 1.69 cores). A backlog fills 64 KB at once. Publish keeps Kafka's defaults:
     * its thread used no less CPU with the setting, and two of its hops lie between an article and its count.
     */
    public static final int FETCH_MIN_BYTES = 64 * 1024;
    public static final int FETCH_MAX_WAIT_MS = 25;

    private ClassifyTopology() {
    }

    /** Classify's Streams settings: the shared ones with its own commit interval and fetch sizes. */
    public static Properties settings(Properties shared) {
        return StreamsSettings.withOwn(shared, Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS,
                StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MIN_BYTES_CONFIG), FETCH_MIN_BYTES,
                StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG), FETCH_MAX_WAIT_MS));
    }

    public static Topology build(ClassifyConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        Map<String, KStream<byte[], Outcome>> outcomes = builder
                .stream(Topics.ARTICLES_RAW.name(),
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("raw-articles"))
                .processValues(() -> new ClassifyProcessor(config), Named.as("classify"))
                .split(Named.as("outcome-"))
                .branch((key, outcome) -> outcome instanceof Outcome.Failed, Branched.as("failed"))
                .branch((key, outcome) -> outcome instanceof Outcome.Withdrawn, Branched.as("withdrawn"))
                .defaultBranch(Branched.as("classified"));

        deadLetters(outcomes.get("outcome-failed"));
        withdrawals(outcomes.get("outcome-withdrawn"), config);
        KStream<String, ClassifiedArticle> classified = outcomes.get("outcome-classified")
                .map((key, outcome) -> KeyValue.pair(((Outcome.Classified) outcome).articleId(),
                        ((Outcome.Classified) outcome).article()), Named.as("by-article-id"));
        paragraphs(classified, config);
        classified.mapValues(ClassifiedArticle::labels, Named.as("article-labels"))
                .to(Topics.ARTICLES_LABELED.name(), Topics.ARTICLES_LABELED.produced().withName("labeled-articles"));
        return builder.build();
    }

    private static void deadLetters(KStream<byte[], Outcome> failed) {
        failed.mapValues(outcome -> ((Outcome.Failed) outcome).original(), Named.as("original-bytes"))
                .to(Topics.DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dead-letters"));
    }

    /**
     * A withdrawn article's tombstone goes to the labeled articles, which takes its counts away, and to every
     * paragraph topic, so that their subscribers learn of it too: classify keeps no state, so it does not know
     * which sectors the article had, and withdrawals are rare enough to send one to each.
     */
    private static void withdrawals(KStream<byte[], Outcome> withdrawn, ClassifyConfig config) {
        KStream<String, byte[]> tombstones = withdrawn.map((key, outcome) -> KeyValue.pair(
                ((Outcome.Withdrawn) outcome).articleId(), (byte[]) null), Named.as("withdrawn-article"));
        Produced<String, byte[]> tombstone = Produced.with(Serdes.String(), Serdes.ByteArray());
        tombstones.to(Topics.ARTICLES_LABELED.name(), tombstone.withName("withdrawn-articles"));
        tombstones.to(Topics.PARAGRAPHS_LABELED.name(), tombstone.withName("withdrawn-paragraphs"));
        for (String sector : config.taxonomy().sectorIds()) {
            tombstones.to(Topics.sector(sector).name(), tombstone.withName("withdrawn-sector-" + sector));
        }
    }

    private static void paragraphs(KStream<String, ClassifiedArticle> classified, ClassifyConfig config) {
        KStream<String, EncodedParagraph> paragraphs = classified
                .flatMapValues(ClassifiedArticle::paragraphs, Named.as("paragraphs"))
                .mapValues(EncodedParagraph::of, Named.as("encoded-paragraphs"));
        paragraphs.to(Topics.PARAGRAPHS_LABELED.name(),
                Produced.with(Serdes.String(), EncodedParagraph.SERDE).withName("labeled-paragraphs"));
        for (String sector : config.taxonomy().sectorIds()) {
            var topic = Topics.sector(sector);
            paragraphs.filter((articleId, encoded) -> encoded.paragraph().hasSector(sector),
                            Named.as("sector-" + sector))
                    .to(topic.name(), Produced.with(Serdes.String(), EncodedParagraph.SERDE)
                            .withName("sector-" + sector + "-paragraphs"));
        }
    }
}
