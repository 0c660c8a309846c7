package trendwatch.publish;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Granularity;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;

/**
 * The publish stage: {@code trend.articles.labeled} read as a table (latest contribution per article), grouped
 * by time bucket once per granularity and aggregated with an adder and a subtractor. Re-ingesting, updating or
 * re-labeling an article therefore replaces its contribution by construction; it can never count twice (unless
 * {@link ArticleExpiry}, on request, has forgotten the article's earlier version).
 * Every count change goes to {@code trend.counts}, and through a burst detector keyed by sector to
 * {@code trend.bursts}; each article's best paragraph per sector goes to the same detector on its own way, so
 * the counts carry no text.
 */
public final class PublishTopology {

    public static final String APPLICATION_ID = "trendwatch-publish";
    public static final String ARTICLES_STORE = "labeled-articles";
    private static final String EVIDENCE_OFFERS = "evidence-offers";
    private static final String ARTICLE_EXPIRY = "article-expiry";
    public static final String BURST_HISTORY_STORE = "burst-history";
    public static final String BURST_EVIDENCE_STORE = "burst-evidence";
    /**
     * An article's count is three commits from it, two of them publish's (the bucket repartition, then the
     * count), so publish commits every 50 ms, more often than Kafka's default 100 ms and classify's 300 ms; its
     * commits are cheap (4 ms on average) and it has CPU to spare, unlike classify (LatencyBench 750/s against
     * 100 ms: counts p99 632 -> 537 ms, p50 310 -> 217 ms).
     */
    public static final int COMMIT_INTERVAL_MS = 50;
    /**
     * How often publish deletes the repartition records it has consumed. Kafka's default, every 30 s, came with a
     * slow second or two of counts each time (LatencyBench: up to 1.3 s, 30 s into the run); the price of purging
     * less often is up to five minutes of consumed repartition records kept on disk.
     */
    public static final long REPARTITION_PURGE_INTERVAL_MS = 5 * 60 * 1000L;

    private PublishTopology() {
    }

    /** The store holding one granularity's buckets, keyed by the bucket start as an ISO-8601 instant. */
    public static String countsStore(Granularity granularity) {
        return granularity.id() + "-counts";
    }

    /** The topic a granularity's bucket store is fed from, one partition per task: Kafka Streams names it so. */
    public static String bucketsTopic(Granularity granularity) {
        return APPLICATION_ID + "-" + granularity.id() + "-buckets-repartition";
    }

    /** Publish's Streams settings: the shared ones with its own commit and repartition purge intervals. */
    public static Properties settings(Properties shared) {
        return StreamsSettings.withOwn(shared, Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS,
                StreamsConfig.REPARTITION_PURGE_INTERVAL_MS_CONFIG, REPARTITION_PURGE_INTERVAL_MS));
    }

    public static Topology build(PublishConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, ArticleLabels> labeled = builder.stream(Topics.ARTICLES_LABELED.name(),
                Topics.ARTICLES_LABELED.consumed().withName("articles-labeled"));
        // first child of the source, so it reads an article's previous version before the table below replaces it
        KStream<String, BurstInput> evidence = labeled.process(EvidenceOffers::new, Named.as(EVIDENCE_OFFERS));
        // the table keeps each article's numbers only, not its 1.6 KB of JSON; uncached, so each change goes on
        // to the buckets as it comes (the cache would only save a write when an article changes twice in 50 ms)
        KTable<String, Contribution> articles = labeled
                .mapValues(labels -> labels == null ? null : Contribution.of(labels), Named.as("contributions"))
                .toTable(Named.as("articles-table"),
                        Materialized.<String, Contribution, KeyValueStore<Bytes, byte[]>>as(ARTICLES_STORE)
                                .withKeySerde(Serdes.String()).withValueSerde(Wire.CONTRIBUTION)
                                .withCachingDisabled());
        labeled.process(() -> new ArticleExpiry(config), Named.as(ARTICLE_EXPIRY));
        KStream<String, TrendCount> changes = null;
        for (Granularity granularity : Granularity.values()) {
            KStream<String, TrendCount> counted = countBuckets(articles, granularity, config);
            counted.to(Topics.COUNTS.name(), Topics.COUNTS.produced().withName(granularity.id() + "-counts-sink"));
            changes = changes == null ? counted : changes.merge(counted, Named.as(granularity.id() + "-merge"));
        }
        // repartitioned only now, so the sub-topologies keep the numbers of the build before EvidenceOffers (their
        // state folders are named after them; renumbered, each would be wiped and restored once on upgrade)
        detectBursts(builder, changes, byEvidenceSector(evidence), config);
        Topology topology = builder.build();
        // connected here: the table's store does not exist yet where the DSL adds the processor
        topology.connectProcessorAndStateStores(EVIDENCE_OFFERS, ARTICLES_STORE);
        topology.connectProcessorAndStateStores(ARTICLE_EXPIRY, ARTICLES_STORE);
        return topology;
    }

    private static KStream<String, TrendCount> countBuckets(KTable<String, Contribution> articles,
                                                            Granularity granularity, PublishConfig config) {
        String g = granularity.id();
        BucketAggregator aggregator = new BucketAggregator(config.clock());
        return articles.groupBy((articleId, article) -> KeyValue.pair(bucketKey(granularity, article), article),
                        Grouped.with(g + "-buckets", Serdes.String(), Wire.CONTRIBUTION))
                .aggregate(BucketCounts::empty, aggregator::add, aggregator::subtract,
                        Named.as(g + "-aggregate"),
                        Materialized.<String, BucketCounts, KeyValueStore<Bytes, byte[]>>as(countsStore(granularity))
                                .withKeySerde(Serdes.String()).withValueSerde(Wire.BUCKET_COUNTS))
                .toStream(Named.as(g + "-changes"))
                .process(() -> new ChangedCounts(granularity, config.clock()), Named.as(g + "-trend-counts"));
    }

    /** Each article's evidence offered and withdrawn, to the partition of its sector's burst detector. */
    private static KStream<String, BurstInput> byEvidenceSector(KStream<String, BurstInput> evidence) {
        return evidence.repartition(Repartitioned.with(Serdes.String(), Wire.BURST_INPUT).withName("sector-evidence"));
    }

    private static void detectBursts(StreamsBuilder builder, KStream<String, TrendCount> changes,
                                     KStream<String, BurstInput> offers, PublishConfig config) {
        // a bucket's mark is written on every count change of the bucket, its evidence on most offers while it
        // is young: the cache turns those writes into one per bucket and commit on the store and its changelog
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BURST_HISTORY_STORE),
                Serdes.String(), Wire.BURST_MARK).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BURST_EVIDENCE_STORE),
                Serdes.String(), Wire.EVIDENCE_LIST).withCachingEnabled());
        changes.map((key, count) -> KeyValue.pair(count.sector(), BurstInput.of(count)), Named.as("counts-by-sector"))
                .repartition(Repartitioned.with(Serdes.String(), Wire.BURST_INPUT).withName("sector-counts"))
                .merge(offers, Named.as("burst-inputs"))
                .process(() -> new BurstDetector(config.clock(), config.meters()), Named.as("burst-detector"),
                        BURST_HISTORY_STORE, BURST_EVIDENCE_STORE)
                .to(Topics.BURSTS.name(), Topics.BURSTS.produced().withName("bursts-sink"));
    }

    static String bucketKey(Granularity granularity, Contribution article) {
        return granularity.bucketStart(article.eventTime()).toString();
    }
}
