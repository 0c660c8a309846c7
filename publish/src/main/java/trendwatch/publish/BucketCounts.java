package trendwatch.publish;

import java.util.Map;
import java.util.TreeMap;

/**
 * The per-sector totals of one time bucket: the aggregate of every article whose event time falls in it.
 * A sector whose totals fall back to zero stays in the map, so the zero is published and replaces the old count.
 *
 * @param labeledParagraphs paragraphs with at least one sector in the bucket: the denominator of a share
 */
public record BucketCounts(Map<String, SectorTotals> sectors, long labeledParagraphs) {

    public BucketCounts {
        sectors = new TreeMap<>(sectors);
    }

    static BucketCounts empty() {
        return new BucketCounts(Map.of(), 0);
    }

    BucketCounts plus(Contribution article) {
        return add(article, 1);
    }

    BucketCounts minus(Contribution article) {
        return add(article, -1);
    }

    long paragraphs(String sector) {
        SectorTotals totals = sectors.get(sector);
        return totals == null ? 0 : totals.paragraphs();
    }

    private BucketCounts add(Contribution article, int sign) {
        Map<String, SectorTotals> next = new TreeMap<>(sectors);
        article.sectors().forEach((sector, share) -> {
            SectorTotals delta = new SectorTotals(share.paragraphs(), share.paragraphs() > 0 ? 1 : 0,
                    share.scoreMillis());
            next.merge(sector, sign > 0 ? delta : delta.negate(), SectorTotals::plus);
        });
        return new BucketCounts(next, labeledParagraphs + (long) sign * article.labeledParagraphs());
    }
}
