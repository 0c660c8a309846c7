package trendwatch.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An article's whole contribution to the counts, as on the compacted {@code trend.articles.labeled}.
 * The latest value per article replaces the earlier one, so counts derived from it never double.
 */
public record ArticleLabels(int schema, String articleId, Instant publishedAt, Instant fetchedAt, SourceRef source,
                            String url, String title, String taxonomyVersion,
                            Map<String, SectorContribution> sectors) {

    public static final int SCHEMA = 1;

    public ArticleLabels {
        Require.text(articleId, "articleId");
        Require.present(fetchedAt, "fetchedAt");
        sectors = new TreeMap<>(sectors);
    }

    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }
}
