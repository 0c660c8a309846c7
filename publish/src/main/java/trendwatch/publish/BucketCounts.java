package trendwatch.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The per-sector totals of one time bucket: the aggregate of every article whose event time falls in it.
 * A sector whose totals fall back to zero stays in the map, so the zero is published and replaces the old count.
 *
 * @param labeledParagraphs paragraphs with at least one sector in the bucket: the denominator of a share
 * @param evidence per sector, the few strongest paragraphs of the bucket's current articles; bounded, so the
 *     state grows with buckets, not articles (a withdrawn article's paragraph leaves the list, which is then
 *     not refilled until another article arrives)
 */
public record BucketCounts(Map<String, SectorTotals> sectors, long labeledParagraphs,
                           Map<String, List<Evidence>> evidence) {

    static final int EVIDENCE_PER_SECTOR = 3;

    public BucketCounts {
        sectors = new TreeMap<>(sectors);
        evidence = evidence == null ? new TreeMap<>() : new TreeMap<>(evidence);
    }

    static BucketCounts empty() {
        return new BucketCounts(Map.of(), 0, Map.of());
    }

    BucketCounts plus(Contribution article) {
        return add(article, 1);
    }

    BucketCounts minus(Contribution article) {
        return add(article, -1);
    }

    /** The same totals without the evidence, which only bursts cite: what another publish instance is sent. */
    BucketCounts withoutEvidence() {
        return new BucketCounts(sectors, labeledParagraphs, Map.of());
    }

    long paragraphs(String sector) {
        SectorTotals totals = sectors.get(sector);
        return totals == null ? 0 : totals.paragraphs();
    }

    private BucketCounts add(Contribution article, int sign) {
        Map<String, SectorTotals> next = new TreeMap<>(sectors);
        Map<String, List<Evidence>> nextEvidence = new TreeMap<>(evidence);
        article.sectors().forEach((sector, contribution) -> {
            SectorTotals delta = totals(contribution);
            next.merge(sector, sign > 0 ? delta : delta.negate(), SectorTotals::plus);
            nextEvidence.put(sector, sign > 0 ? withBest(nextEvidence.get(sector), contribution.best())
                    : without(nextEvidence.get(sector), article.articleId()));
        });
        return new BucketCounts(next, labeledParagraphs + (long) sign * article.labeledParagraphs(), nextEvidence);
    }

    private static List<Evidence> withBest(List<Evidence> kept, Evidence best) {
        List<Evidence> list = new ArrayList<>(kept == null ? List.of() : kept);
        if (best != null) {
            list.removeIf(e -> e.articleId().equals(best.articleId()));
            list.add(best);
            list.sort(Comparator.comparingDouble(Evidence::score).reversed());
        }
        return List.copyOf(list.subList(0, Math.min(EVIDENCE_PER_SECTOR, list.size())));
    }

    private static List<Evidence> without(List<Evidence> kept, String articleId) {
        return kept == null ? List.of() : kept.stream().filter(e -> !e.articleId().equals(articleId)).toList();
    }

    private static SectorTotals totals(Contribution.Share contribution) {
        return new SectorTotals(contribution.paragraphs(), contribution.paragraphs() > 0 ? 1 : 0,
                contribution.scoreMillis());
    }
}
