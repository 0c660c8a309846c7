package trendwatch.ingest.api;

import java.time.OffsetDateTime;

/**
 * An article submitted through {@code POST /api/articles}: either a URL for trendwatch to fetch, or the
 * article itself ({@code body} required, the rest optional; {@code publishedAt} ISO-8601 with its zone).
 */
public record Submission(String url, String title, String body, String author, String lang,
                         OffsetDateTime publishedAt) {
}
