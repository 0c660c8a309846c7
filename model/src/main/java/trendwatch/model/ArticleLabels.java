package trendwatch.model;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An article's whole contribution to the counts, as on the compacted {@code trend.articles.labeled}.
 * The latest value per article replaces the earlier one, so counts derived from it never double.
 *
 * @param labeledParagraphs how many of its paragraphs carry at least one sector: the denominator of a
 *     sector's share of all labeled paragraphs
 */
public record ArticleLabels(int schema, String articleId, Instant publishedAt, Instant fetchedAt, SourceRef source,
                            String url, String title, String taxonomyVersion,
                            Map<String, SectorContribution> sectors, int labeledParagraphs) {

    public static final int SCHEMA = 1;

    public ArticleLabels {
        Require.text(articleId, "articleId");
        Require.present(fetchedAt, "fetchedAt");
        sectors = new TreeMap<>(sectors);
    }

    public ArticleLabels(int schema, String articleId, Instant publishedAt, Instant fetchedAt, SourceRef source,
                         String url, String title, String taxonomyVersion, Map<String, SectorContribution> sectors) {
        this(schema, articleId, publishedAt, fetchedAt, source, url, title, taxonomyVersion, sectors,
                sectors.values().stream().mapToInt(SectorContribution::paragraphs).max().orElse(0));
    }

    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }
}
