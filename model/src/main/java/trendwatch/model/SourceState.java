package trendwatch.model;

import java.time.Instant;

/**
 * A polled source's validators and schedule, kept on the compacted {@code trend.ingest.sources} topic so a
 * restart, or another machine taking over, neither polls too early nor forgets what the server told it.
 *
 * @param intervalMillis the current adaptive polling interval
 * @param failures consecutive failed polls (0 after a success); drives the exponential back-off
 * @param lastOutcome {@code ok}, {@code not-modified} or the kind of the last error
 */
public record SourceState(String sourceId, String type, String url, String etag, String lastModified,
                          Instant lastPollAt, Instant lastSuccessAt, Instant nextPollAt, long intervalMillis,
                          int failures, String lastOutcome, long articlesPublished) {
}
