package trendwatch.ingest;

import java.net.URI;
import java.time.Instant;
import trendwatch.ingest.feed.ExtractedArticle;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;
import trendwatch.model.Texts;

/**
 * The one way every source builds an article: the language guessed when unknown, and the content hash over
 * the metadata and the body, so "unchanged" means the same thing for files, feeds, pages and submissions.
 */
public final class Articles {

    private Articles() {
    }

    public static Article of(String id, SourceRef source, String url, String title, String author, String site,
                             String lang, Instant publishedAt, Instant fetchedAt, String body) {
        // a feed that puts a whole text in its titles, or a file whose first line is its whole text, still gets in
        title = Texts.shortened(title, Article.MAX_TITLE_CHARS);
        String hash = Hashes.contentHash(title + "\n" + author + "\n" + site + "\n" + publishedAt, body);
        return new Article(Article.SCHEMA, id, source, url, title, author, site,
                lang != null ? lang : Languages.guess(body), publishedAt, fetchedAt, body, hash);
    }

    /** An article page as extracted; {@code title} stands in when the page has none of its own. */
    public static Article ofPage(String id, SourceRef source, URI url, ExtractedArticle page, String title,
                                 Instant fetchedAt) {
        return of(id, source, url.toString(), page.title() != null ? page.title() : title, page.author(),
                url.getHost(), page.lang(), page.publishedAt() == null ? null : page.publishedAt().toInstant(),
                fetchedAt, page.body());
    }
}
