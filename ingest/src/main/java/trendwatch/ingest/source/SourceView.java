package trendwatch.ingest.source;

import java.time.Instant;

/** A source as {@code /api/sources} shows it: what it is, how it fares, when it is polled next. */
public record SourceView(String id, String type, String url, Instant lastPollAt, Instant lastSuccessAt,
                         Instant nextPollAt, long intervalSeconds, int failures, String lastOutcome, String lastError,
                         long articlesPublished) {
}
