package trendwatch.model;

import java.time.Instant;

/**
 * What ingest remembers of a published article, so an unchanged one is never republished.
 *
 * @param origin the file or URL it came from, for people reading the topic
 * @param fingerprint what the source said about the item before any page was fetched (a feed item's guid,
 *     title, dates and summary); when it is unchanged the page is not fetched again. Null for files.
 * @param fileId for an article read from a file but known by another id (its sidecar's URL), the id the file
 *     has without it, so that the article can be withdrawn when the sidecar's URL changes or goes; else null.
 *     Absent from what builds before it wrote.
 * @param publishedAt the publication time its latest version was published with, or null: a feed item dated only
 *     by its modification time keeps its first one. Absent from what builds before it wrote.
 * @param withdrawnAt when a user withdrew it ({@code DELETE /api/articles/{id}}), or null while it counts: its
 *     sources are not published again for it, only a submission brings it back. Absent from what builds before
 *     it wrote.
 */
public record SeenArticle(String contentHash, Instant firstSeenAt, String origin, String fingerprint,
                          String fileId, Instant publishedAt, Instant withdrawnAt) {

    public SeenArticle(String contentHash, Instant firstSeenAt, String origin, String fingerprint,
                       String fileId, Instant publishedAt) {
        this(contentHash, firstSeenAt, origin, fingerprint, fileId, publishedAt, null);
    }

    public SeenArticle(String contentHash, Instant firstSeenAt, String origin, String fingerprint) {
        this(contentHash, firstSeenAt, origin, fingerprint, null, null);
    }

    public SeenArticle(String contentHash, Instant firstSeenAt, String origin) {
        this(contentHash, firstSeenAt, origin, null, null, null);
    }

    /** Whether a user withdrew it (named so that JSON does not take it for a field). */
    public boolean wasWithdrawn() {
        return withdrawnAt != null;
    }

    /** The same memory, marked withdrawn by a user at {@code at}. */
    public SeenArticle withdrawn(Instant at) {
        return new SeenArticle(contentHash, firstSeenAt, origin, fingerprint, fileId, publishedAt, at);
    }
}
