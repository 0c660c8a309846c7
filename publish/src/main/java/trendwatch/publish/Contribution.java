package trendwatch.publish;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.model.ArticleLabels;

/**
 * What publish counts of an article: only numbers, so that the table of every article's latest contribution
 * costs tens of bytes an article, not the kilobytes of its {@link ArticleLabels}, and the three bucket
 * repartitions carry no text. The article's evidence goes to the burst detector by its own way
 * ({@link EvidenceOffer}).
 */
record Contribution(String articleId, Instant eventTime, int labeledParagraphs, Map<String, Share> sectors) {

    Contribution {
        sectors = new TreeMap<>(sectors);
    }

    /** One sector's part of an article; the score in thousandths, as the bucket totals keep it. */
    record Share(int paragraphs, long scoreMillis) {
    }

    static Contribution of(ArticleLabels labels) {
        Map<String, Share> sectors = new TreeMap<>();
        labels.sectors().forEach((sector, c) -> sectors.put(sector,
                new Share(c.paragraphs(), SectorTotals.millis(c.score()))));
        return new Contribution(labels.articleId(), labels.eventTime(), labels.labeledParagraphs(), sectors);
    }
}
