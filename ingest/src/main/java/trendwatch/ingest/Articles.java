package trendwatch.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import trendwatch.ingest.feed.ExtractedArticle;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;
import trendwatch.model.Texts;

/**
 * The one way every source builds an article: a missing title is null, {@code lang} is {@code zh} or {@code en}
 * (guessed from the text when the source names neither), and the content hash is over the metadata and the body,
 * so the contract and "unchanged" mean the same thing for files, feeds, pages and submissions.
 */
public final class Articles {

    private Articles() {
    }

    public static Article of(String id, SourceRef source, String url, String title, String author, String site,
                             String lang, Instant publishedAt, Instant fetchedAt, String body) {
        // a feed that puts a whole text in its titles, or a file whose first line is its whole text, still gets in
        title = Texts.shortened(title == null || title.isBlank() ? null : title, Article.MAX_TITLE_CHARS);
        // a missing title hashes as the empty one it was published as before, so no such article is republished
        String hash = Hashes.contentHash(Objects.toString(title, "") + "\n" + author + "\n" + site + "\n"
                + publishedAt, body);
        return new Article(Article.SCHEMA, id, source, url, title, author, site, Languages.of(lang, body),
                publishedAt, fetchedAt, body, hash);
    }

    /** An article page as extracted; {@code title} stands in when the page has none of its own. */
    public static Article ofPage(String id, SourceRef source, URI url, ExtractedArticle page, String title,
                                 Instant fetchedAt) {
        return of(id, source, url.toString(), page.title() != null ? page.title() : title, page.author(),
                url.getHost(), page.lang(), page.publishedAt() == null ? null : page.publishedAt().toInstant(),
                fetchedAt, page.body());
    }
}
