package trendwatch.ingest.feed;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/** Reads a feed of any common format from its text, detecting the format from the content itself. */
public final class FeedParser {

    /**
     * Larger feeds are not feeds but archives or attacks; the parsed tree costs several times the
     * text, so the limit bounds memory. The fetcher caps bytes before this; this caps what reaches XML.
     */
    static final int MAX_CHARS = 16 * 1024 * 1024;

    private static final Pattern HTML_START =
            Pattern.compile("\\A(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*(?:<!doctype\\s+html|<html[\\s>])",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private FeedParser() {
    }

    /**
     * RSS 0.9x/1.0/2.0, Atom 0.3/1.0 (via ROME) and JSON Feed 1.0/1.1 (Jackson), detected from the content,
     * whatever content type it was served with.
     *
     * @param text the feed, already decoded
     * @param feedUrl where it came from: relative links resolve against it (or against an xml:base, itself resolved
     *     against it), and errors name it
     * @throws FeedException when the text is no feed or cannot be read safely; names the feed and the reason
     */
    public static ParsedFeed parse(String text, URI feedUrl) throws FeedException {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARS) {
            throw new FeedException(feedUrl, "feed of " + text.length() + " characters exceeds the limit of " + MAX_CHARS);
        }
        String start = stripLeading(text);
        if (start.isEmpty()) {
            throw new FeedException(feedUrl, "empty document");
        }
        if (start.charAt(0) == '{') {
            return JsonFeeds.parse(start, feedUrl);
        }
        if (HTML_START.matcher(start).lookingAt()) {
            throw new FeedException(feedUrl, "an HTML page, not a feed");
        }
        if (start.indexOf('<') < 0) {
            throw new FeedException(feedUrl, "neither XML nor JSON");
        }
        return XmlFeeds.parse(start, feedUrl);
    }

    /** Without the BOM and whitespace some servers send before the prolog. */
    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
            i++;
        }
        return text.substring(i);
    }
}
