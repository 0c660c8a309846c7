package trendwatch.publish;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.model.ArticleLabels;

/**
 * What publish keeps of an article: only what its counts need, so that the table of every article's latest
 * contribution costs tens of bytes an article, not the kilobytes of its {@link ArticleLabels}.
 *
 * @param sectors per sector, the article's numbers and its best paragraph ({@code best} is null once read back
 *     from the table: withdrawing a contribution removes its evidence by article id, so the text is not kept)
 */
record Contribution(String articleId, Instant eventTime, int labeledParagraphs, Map<String, Share> sectors) {

    Contribution {
        sectors = new TreeMap<>(sectors);
    }

    /** One sector's part of an article; the score in thousandths, as the bucket totals keep it. */
    record Share(int paragraphs, long scoreMillis, Evidence best) {
    }

    static Contribution of(ArticleLabels labels) {
        Map<String, Share> sectors = new TreeMap<>();
        labels.sectors().forEach((sector, c) -> sectors.put(sector, new Share(c.paragraphs(),
                SectorTotals.millis(c.score()), c.best() == null ? null : Evidence.of(c.best()))));
        return new Contribution(labels.articleId(), labels.eventTime(), labels.labeledParagraphs(), sectors);
    }
}
