package trendwatch.model;

import java.time.Instant;
import java.util.List;

/**
 * A sector's count in a bucket rising well above its trailing baseline, as on {@code trend.bursts} (key
 * {@code <sector>|<granularity>|<bucketStart>}); sent once per sector and bucket.
 *
 * @param baseline the mean count of the sector's preceding buckets ({@link Granularity#baselineBuckets()})
 * @param evidence the strongest paragraphs behind the count, with their articles and sources
 */
public record Burst(int schema, String sector, Granularity granularity, Instant bucketStart, long paragraphs,
                    double baseline, double zScore, Instant detectedAt, List<EvidenceParagraph> evidence) {

    public static final int SCHEMA = 1;

    public Burst {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
