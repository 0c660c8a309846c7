package trendwatch.publish;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-sector totals of one time bucket: the aggregate of every article whose event time falls in it.
 * A sector whose totals fall back to zero stays in the map, so the zero is published and replaces the old count.
 *
 * @param labeledParagraphs paragraphs with at least one sector in the bucket: the denominator of a share
 * @param updatedAt when each sector's totals last moved; a sector is missing when a build that did not keep the
 *                  time last wrote the bucket (or an instance of that build answered), and its time is unknown
 */
public record BucketCounts(Map<String, SectorTotals> sectors, long labeledParagraphs, Map<String, Instant> updatedAt) {

    public BucketCounts {
        sectors = new TreeMap<>(sectors);
        // null from the JSON of a publish instance of an earlier build (see ClusterCountStores)
        updatedAt = updatedAt == null ? new TreeMap<>() : new TreeMap<>(updatedAt);
    }

    public BucketCounts(Map<String, SectorTotals> sectors, long labeledParagraphs) {
        this(sectors, labeledParagraphs, Map.of());
    }

    static BucketCounts empty() {
        return new BucketCounts(Map.of(), 0);
    }

    BucketCounts plus(Contribution article, Instant now) {
        return add(article, 1, now, null);
    }

    /**
     * Adds the article's new version right after its earlier one was subtracted from {@code beforeUpdate}: a
     * sector whose totals are back to those of {@code beforeUpdate} keeps its time there (null: a plain add).
     */
    BucketCounts plus(Contribution article, Instant now, BucketCounts beforeUpdate) {
        return add(article, 1, now, beforeUpdate);
    }

    BucketCounts minus(Contribution article, Instant now) {
        return add(article, -1, now, null);
    }

    long paragraphs(String sector) {
        SectorTotals totals = sectors.get(sector);
        return totals == null ? 0 : totals.paragraphs();
    }

    /** When the sector's totals last moved; null when never, or when the bucket was written without the time. */
    Instant updatedAt(String sector) {
        return updatedAt.get(sector);
    }

    private BucketCounts add(Contribution article, int sign, Instant now, BucketCounts beforeUpdate) {
        Map<String, SectorTotals> next = new TreeMap<>(sectors);
        Map<String, Instant> moved = new TreeMap<>(updatedAt);
        article.sectors().forEach((sector, share) -> {
            SectorTotals delta = new SectorTotals(share.paragraphs(), share.paragraphs() > 0 ? 1 : 0,
                    share.scoreMillis());
            SectorTotals before = next.getOrDefault(sector, SectorTotals.ZERO);
            SectorTotals after = before.plus(sign > 0 ? delta : delta.negate());
            next.put(sector, after);
            if (after.equals(before)) {
                return;
            }
            boolean back = beforeUpdate != null
                    && after.equals(beforeUpdate.sectors().getOrDefault(sector, SectorTotals.ZERO));
            Instant at = back ? beforeUpdate.updatedAt(sector) : now;
            if (at == null) {
                moved.remove(sector);
            } else {
                moved.put(sector, at);
            }
        });
        return new BucketCounts(next, labeledParagraphs + (long) sign * article.labeledParagraphs(), moved);
    }
}
