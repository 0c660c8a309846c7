package trendwatch.model;

import java.time.Instant;

/** What ingest remembers of a published article, so an unchanged one is never republished. */
public record SeenArticle(String contentHash, Instant firstSeenAt, String origin) {
}
