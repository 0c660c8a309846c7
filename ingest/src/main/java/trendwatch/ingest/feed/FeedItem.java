package trendwatch.ingest.feed;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * One item of a feed.
 *
 * @param guid the item's own id (RSS guid, Atom id, JSON Feed id), or null
 * @param link the article's http(s) URL, resolved against the feed URL or the xml:base in scope, or null; ids
 *     come from {@link Urls#canonical(URI)} of it
 * @param title the plain-text title, or null
 * @param author the author's name, or null
 * @param publishedAt the publication time with the zone the feed gave it (pubDate, published, date …), or null
 * @param contentHtml the full content (content:encoded, Atom content, content_html), or null
 * @param summaryHtml the description or summary, or null
 * @param lang the item's language (its own, else the feed's), or null
 * @param updatedAt when the item was last modified (Atom updated, date_modified …), or null: not a publication
 *     time, since it moves with every edit, but the only date many Atom feeds give
 */
public record FeedItem(String guid, URI link, String title, String author, OffsetDateTime publishedAt,
                       String contentHtml, String summaryHtml, String lang, OffsetDateTime updatedAt) {

    /** Its publication time, else its modification time: the date a reader is shown. */
    public OffsetDateTime datedAt() {
        return publishedAt != null ? publishedAt : updatedAt;
    }

    /**
     * Below this many characters of text an item is a teaser, not an article. Han characters count
     * three times: a Chinese character carries about as much as an English word's worth of letters.
     */
    static final int MIN_ARTICLE_CHARS = 500;

    /** Teasers that end this way were cut by the publisher ("[…]", "Read more", "阅读全文"). */
    private static final Pattern TRUNCATED = Pattern.compile(
            "(?is).*(\\[?(…|\\.\\.\\.|&hellip;)\\]?|read more|continue reading|阅读全文|查看全文|阅读原文)\\s*[»›>→.]*\\s*$");

    /**
     * Whether the caller must fetch the article page for the full text: the item has no content, or
     * its best text (content, else a description that many feeds fill with the whole article) is
     * shorter than a real article, or it is a description the publisher cut short.
     */
    public boolean summaryOnly() {
        String best = contentHtml != null && !contentHtml.isBlank() ? contentHtml : summaryHtml;
        if (best == null || best.isBlank()) {
            return true;
        }
        String text = Jsoup.parse(best).text();
        boolean cut = (contentHtml == null || contentHtml.isBlank()) && TRUNCATED.matcher(text).matches();
        return cut || weightedLength(text) < MIN_ARTICLE_CHARS;
    }

    static int weightedLength(String text) {
        int length = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            length += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 3 : 1;
        }
        return length;
    }
}
