package trendwatch.publish;

import java.time.Instant;
import trendwatch.model.Granularity;

/**
 * One sector in one bucket: the fields of a {@code trend.counts} value, with what makes a count a trend: its share of all labeled paragraphs in the
 * bucket, its change against the previous bucket, and its z-score against the trailing baseline.
 *
 * @param changePercent null when the previous bucket had nothing (growth from zero has no percentage)
 * @param baseline mean paragraphs of the preceding {@link Granularity#baselineBuckets()} buckets
 * @param status {@code rising} (z ≥ 1), {@code falling} (z ≤ −1) or {@code steady}
 * @param updatedAt when the count last moved, as on {@code trend.counts}; null when it never moved in the bucket,
 *                  or when a build that did not keep the time last wrote the bucket
 */
public record TrendPoint(int schema, String sector, Granularity granularity, Instant bucketStart, Instant bucketEnd,
                         long paragraphs, long articles, double score, double share, long previous, long change,
                         Double changePercent, double baseline, double zScore, String status, Instant updatedAt) {
}
