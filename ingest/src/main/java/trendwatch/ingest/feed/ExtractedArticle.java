package trendwatch.ingest.feed;

import java.net.URI;
import java.time.OffsetDateTime;

/**
 * What an article page says about itself, and its main text.
 *
 * @param title the headline, without the " - Site" suffix of the title element, or null
 * @param author the author's name, or null
 * @param publishedAt the publication time with its zone, or null
 * @param lang the page's language tag, or null
 * @param canonicalUrl the page's own canonical URL ({@code <link rel=canonical>}, else og:url), canonicalised; null if none
 * @param body the main text, paragraphs separated by a blank line; empty when none was found
 */
public record ExtractedArticle(String title, String author, OffsetDateTime publishedAt, String lang,
                               URI canonicalUrl, String body) {
}
