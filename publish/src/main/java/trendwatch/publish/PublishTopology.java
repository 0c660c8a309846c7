package trendwatch.publish;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Granularity;
import trendwatch.model.JsonSerde;
import trendwatch.model.Topics;

/**
 * The publish stage: {@code trend.articles.labeled} read as a table (latest contribution per article), grouped
 * by time bucket once per granularity and aggregated with an adder and a subtractor. Re-ingesting, updating or
 * re-labeling an article therefore replaces its contribution by construction; it can never count twice.
 */
public final class PublishTopology {

    public static final String APPLICATION_ID = "trendwatch-publish";
    public static final String ARTICLES_STORE = "labeled-articles";

    private PublishTopology() {
    }

    /** The store holding one granularity's buckets, keyed by the bucket start as an ISO-8601 instant. */
    public static String countsStore(Granularity granularity) {
        return granularity.id() + "-counts";
    }

    public static Topology build(PublishConfig config) {
        StreamsBuilder builder = new StreamsBuilder();
        KTable<String, ArticleLabels> articles = builder.table(Topics.ARTICLES_LABELED.name(),
                Topics.ARTICLES_LABELED.consumed().withName("articles-labeled"),
                Materialized.<String, ArticleLabels, KeyValueStore<Bytes, byte[]>>as(ARTICLES_STORE)
                        .withKeySerde(Serdes.String()).withValueSerde(Topics.ARTICLES_LABELED.valueSerde()));
        for (Granularity granularity : Granularity.values()) {
            countBuckets(articles, granularity, config);
        }
        return builder.build();
    }

    private static void countBuckets(KTable<String, ArticleLabels> articles, Granularity granularity,
                                     PublishConfig config) {
        String g = granularity.id();
        articles.groupBy((articleId, labels) -> KeyValue.pair(bucketKey(granularity, labels), labels),
                        Grouped.with(g + "-buckets", Serdes.String(), Topics.ARTICLES_LABELED.valueSerde()))
                .aggregate(BucketCounts::empty,
                        (bucket, labels, counts) -> counts.plus(labels),
                        (bucket, labels, counts) -> counts.minus(labels),
                        Named.as(g + "-aggregate"),
                        Materialized.<String, BucketCounts, KeyValueStore<Bytes, byte[]>>as(countsStore(granularity))
                                .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(BucketCounts.class)))
                .toStream(Named.as(g + "-changes"))
                .flatMap((bucket, counts) -> counts.toTrendCounts(granularity, Instant.parse(bucket),
                                config.clock().instant()).stream()
                        .map(count -> KeyValue.pair(count.key(), count)).toList(), Named.as(g + "-trend-counts"))
                .to(Topics.COUNTS.name(), Topics.COUNTS.produced().withName(g + "-counts-sink"));
    }

    static String bucketKey(Granularity granularity, ArticleLabels labels) {
        return granularity.bucketStart(labels.eventTime()).toString();
    }
}
