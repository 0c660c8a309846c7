package trendwatch.ingest.extract;

/**
 * Clean text extracted from a file or page.
 *
 * @param title the title found in the content itself (a leading heading, an HTML title), or null
 * @param body plain text, paragraphs separated by one blank line, no markup left
 */
public record ExtractedText(String title, String body) {
}
