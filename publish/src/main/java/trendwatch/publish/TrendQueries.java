package trendwatch.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.model.Granularity;
import trendwatch.model.TrendCount;

/** Answers trend questions from the bucket stores: exact counts plus share, change and z-score. */
public final class TrendQueries {

    private final CountStores stores;
    private final Clock clock;

    public TrendQueries(CountStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** Non-zero counts in the range, oldest bucket first, sectors in id order within a bucket. */
    public List<TrendPoint> trends(TrendQuery query) {
        Granularity g = query.granularity();
        Instant from = query.from() == null ? null : g.bucketStart(query.from());
        Map<Instant, BucketCounts> buckets = buckets(g, from == null ? null : back(g, from, g.baselineBuckets()),
                query.to());
        List<TrendPoint> points = new ArrayList<>();
        buckets.forEach((start, counts) -> {
            if (from == null || !start.isBefore(from)) {
                counts.sectors().forEach((sector, totals) -> {
                    if (totals.paragraphs() > 0 && (query.sector() == null || query.sector().equals(sector))) {
                        points.add(point(g, sector, start, buckets));
                    }
                });
            }
        });
        points.sort(Comparator.comparing(TrendPoint::bucketStart).thenComparing(TrendPoint::sector));
        return points;
    }

    /** Every given sector in the bucket that contains now, zeros included. */
    public List<TrendPoint> current(Granularity g, List<String> sectorIds) {
        Instant bucket = g.bucketStart(clock.instant());
        Map<Instant, BucketCounts> buckets = buckets(g, back(g, bucket, g.baselineBuckets()), bucket);
        return sectorIds.stream().map(sector -> point(g, sector, bucket, buckets)).toList();
    }

    private TrendPoint point(Granularity g, String sector, Instant start, Map<Instant, BucketCounts> buckets) {
        BucketCounts counts = buckets.getOrDefault(start, BucketCounts.empty());
        SectorTotals totals = counts.sectors().getOrDefault(sector, SectorTotals.ZERO);
        long[] history = new long[g.baselineBuckets()];
        Instant earlier = start;
        for (int i = history.length - 1; i >= 0; i--) {
            earlier = g.previousBucket(earlier);
            history[i] = buckets.getOrDefault(earlier, BucketCounts.empty()).paragraphs(sector);
        }
        long previous = history.length == 0 ? 0 : history[history.length - 1];
        TrendMeasures.Measure measure = TrendMeasures.of(totals.paragraphs(), history);
        return new TrendPoint(TrendCount.SCHEMA, sector, g, start, g.bucketEnd(start), totals.paragraphs(), totals.articles(),
                totals.score(), TrendMeasures.share(totals.paragraphs(), counts.labeledParagraphs()), previous,
                totals.paragraphs() - previous, TrendMeasures.changePercent(totals.paragraphs(), previous),
                measure.baseline(), measure.zScore(), measure.status(), counts.updatedAt(sector));
    }

    private Map<Instant, BucketCounts> buckets(Granularity g, Instant from, Instant to) {
        return new TreeMap<>(stores.buckets(g, from, to));
    }

    private static Instant back(Granularity g, Instant start, int buckets) {
        Instant earlier = start;
        for (int i = 0; i < buckets; i++) {
            earlier = g.previousBucket(earlier);
        }
        return earlier;
    }
}
