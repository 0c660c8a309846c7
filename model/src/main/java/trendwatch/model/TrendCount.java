package trendwatch.model;

import java.time.Instant;

/** The exact counts of one sector in one time bucket, as on the compacted {@code trend.counts}. */
public record TrendCount(int schema, String sector, Granularity granularity, Instant bucketStart, Instant bucketEnd,
                         long paragraphs, long articles, double score, Instant updatedAt) {

    public static final int SCHEMA = 1;

    /** The record key on {@code trend.counts}: {@code <sector>|<granularity>|<bucketStart>}. */
    public String key() {
        return key(sector, granularity, bucketStart);
    }

    public static String key(String sector, Granularity granularity, Instant bucketStart) {
        return sector + "|" + granularity.id() + "|" + bucketStart;
    }
}
