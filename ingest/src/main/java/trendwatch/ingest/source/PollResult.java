package trendwatch.ingest.source;

import java.time.Duration;

/**
 * What one poll of a source found.
 *
 * @param outcome {@code ok} or {@code not-modified}
 * @param freshFor how long the server (Cache-Control, Expires) or the feed ({@code <ttl>}) says not to ask again
 */
record PollResult(String outcome, int published, String etag, String lastModified, Duration freshFor) {
}
