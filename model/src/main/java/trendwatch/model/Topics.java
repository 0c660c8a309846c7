package trendwatch.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/** The topic contract of DESIGN.md: what subscribers read and what the stages exchange. */
public final class Topics {

    public static final Topic<String, Article> ARTICLES_RAW =
            new Topic<>("trend.articles.raw", Serdes.String(), JsonSerde.of(Article.class), Topic.Cleanup.COMPACT);
    public static final Topic<String, LabeledParagraph> PARAGRAPHS_LABELED = new Topic<>(
            "trend.paragraphs.labeled", Serdes.String(), JsonSerde.of(LabeledParagraph.class), Topic.Cleanup.DELETE);
    public static final Topic<String, ArticleLabels> ARTICLES_LABELED = new Topic<>(
            "trend.articles.labeled", Serdes.String(), JsonSerde.of(ArticleLabels.class), Topic.Cleanup.COMPACT);
    public static final Topic<String, TrendCount> COUNTS =
            new Topic<>("trend.counts", Serdes.String(), JsonSerde.of(TrendCount.class), Topic.Cleanup.COMPACT);
    /** A sector's count jumping well above its baseline, with the paragraphs that show it. */
    public static final Topic<String, Burst> BURSTS =
            new Topic<>("trend.bursts", Serdes.String(), JsonSerde.of(Burst.class), Topic.Cleanup.DELETE);
    public static final Topic<byte[], byte[]> DLQ =
            new Topic<>("trend.dlq", Serdes.ByteArray(), Serdes.ByteArray(), Topic.Cleanup.DELETE,
                    StreamsSettings.MAX_DEAD_LETTER_BYTES);
    /** Ingest's memory of what it has published (content hash and first-seen time per article). */
    public static final Topic<String, SeenArticle> INGEST_SEEN =
            new Topic<>("trend.ingest.seen", Serdes.String(), JsonSerde.of(SeenArticle.class), Topic.Cleanup.COMPACT);

    /** Each polled source's validators (ETag, Last-Modified) and schedule. */
    public static final Topic<String, SourceState> INGEST_SOURCES = new Topic<>("trend.ingest.sources",
            Serdes.String(), JsonSerde.of(SourceState.class), Topic.Cleanup.COMPACT);

    private static final String SECTOR_PREFIX = "trend.sector.";
    /** The longest sector id whose topic Kafka takes: its topic names have at most 249 characters. */
    public static final int MAX_SECTOR_ID_CHARS = 249 - SECTOR_PREFIX.length();

    private Topics() {
    }

    /** The topic that carries the labeled paragraphs of one sector. */
    public static Topic<String, LabeledParagraph> sector(String sectorId) {
        return new Topic<>(SECTOR_PREFIX + sectorId, Serdes.String(), JsonSerde.of(LabeledParagraph.class),
                Topic.Cleanup.DELETE);
    }

    /** Every topic the pipeline needs for the given sectors, so they can be created up front. */
    public static List<Topic<?, ?>> all(List<String> sectorIds) {
        List<Topic<?, ?>> all = new ArrayList<>(List.of(ARTICLES_RAW, PARAGRAPHS_LABELED, ARTICLES_LABELED, COUNTS,
                BURSTS, DLQ, INGEST_SEEN, INGEST_SOURCES));
        sectorIds.forEach(id -> all.add(sector(id)));
        return all;
    }
}
