package trendwatch.model;

import java.time.Instant;

/**
 * What ingest remembers of a published article, so an unchanged one is never republished.
 *
 * @param origin the file or URL it came from, for people reading the topic
 * @param fingerprint what the source said about the item before any page was fetched (a feed item's guid,
 *     title, dates and summary); when it is unchanged the page is not fetched again. Null for files.
 */
public record SeenArticle(String contentHash, Instant firstSeenAt, String origin, String fingerprint) {

    public SeenArticle(String contentHash, Instant firstSeenAt, String origin) {
        this(contentHash, firstSeenAt, origin, null);
    }
}
