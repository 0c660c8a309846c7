package trendwatch.ingest.feed;

import java.net.URI;

/** A feed or OPML document that cannot be read; names the document and the reason. */
public final class FeedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient URI feedUrl;
    private final String reason;

    FeedException(URI feedUrl, String reason) {
        this(feedUrl, reason, null);
    }

    FeedException(URI feedUrl, String reason, Throwable cause) {
        super((feedUrl == null ? "OPML" : "feed " + feedUrl) + ": " + reason, cause);
        this.feedUrl = feedUrl;
        this.reason = reason;
    }

    /** The feed that failed; null for an OPML document, which has no URL of its own. */
    public URI feedUrl() {
        return feedUrl;
    }

    /** Why it failed, without the feed URL. */
    public String reason() {
        return reason;
    }
}
