package trendwatch.publish;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Granularity;
import trendwatch.model.SectorContribution;
import trendwatch.model.TrendCount;

/**
 * The per-sector totals of one time bucket: the aggregate of every article whose event time falls in it.
 * A sector whose totals fall back to zero stays in the map, so the zero is published and replaces the old count.
 */
public record BucketCounts(Map<String, SectorTotals> sectors) {

    public BucketCounts {
        sectors = new TreeMap<>(sectors);
    }

    static BucketCounts empty() {
        return new BucketCounts(Map.of());
    }

    BucketCounts plus(ArticleLabels article) {
        return add(article, 1);
    }

    BucketCounts minus(ArticleLabels article) {
        return add(article, -1);
    }

    private BucketCounts add(ArticleLabels article, int sign) {
        Map<String, SectorTotals> next = new TreeMap<>(sectors);
        article.sectors().forEach((sector, contribution) -> {
            SectorTotals delta = totals(contribution);
            next.merge(sector, sign > 0 ? delta : delta.negate(), SectorTotals::plus);
        });
        return new BucketCounts(next);
    }

    private static SectorTotals totals(SectorContribution contribution) {
        return new SectorTotals(contribution.paragraphs(), contribution.paragraphs() > 0 ? 1 : 0,
                SectorTotals.millis(contribution.score()));
    }

    List<TrendCount> toTrendCounts(Granularity granularity, Instant bucketStart, Instant updatedAt) {
        Instant bucketEnd = granularity.bucketEnd(bucketStart);
        return sectors.entrySet().stream()
                .map(e -> new TrendCount(TrendCount.SCHEMA, e.getKey(), granularity, bucketStart, bucketEnd,
                        e.getValue().paragraphs(), e.getValue().articles(), e.getValue().score(), updatedAt))
                .toList();
    }
}
