package trendwatch.ingest.api;

import java.time.OffsetDateTime;

/**
 * An article submitted through {@code POST /api/articles}: either a URL for trendwatch to fetch, or the
 * article itself ({@code body} required, the rest optional; {@code publishedAt} ISO-8601 with its zone).
 *
 * @param lang a hint: {@code zh} or {@code en} (any region or script); another language is detected from the text
 * @param ref the client's own stable name for an article given without a URL (the submit command sends the file's
 *     path and host), so that a changed version replaces the earlier one instead of counting as a new article
 */
public record Submission(String url, String title, String body, String author, String lang,
                         OffsetDateTime publishedAt, String ref) {
}
