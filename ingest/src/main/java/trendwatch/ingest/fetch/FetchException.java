package trendwatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/** Why a fetch failed, with the URL (the hop that failed), the HTTP status (0 when none) and any Retry-After. */
public final class FetchException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The failure classes callers act on (back off, give up, report to the user). */
    public enum Kind { BAD_URL, BLOCKED_ADDRESS, TOO_MANY_REDIRECTS, DOWNGRADE, TOO_LARGE, TIMEOUT, HTTP_STATUS, NETWORK,
        ROBOTS_DISALLOWED }

    private final Kind kind;
    private final transient URI uri;
    private final int status;
    private final transient Duration retryAfter;

    FetchException(Kind kind, URI uri, String detail) {
        this(kind, uri, detail, 0, null, null);
    }

    FetchException(Kind kind, URI uri, String detail, Throwable cause) {
        this(kind, uri, detail, 0, null, cause);
    }

    FetchException(Kind kind, URI uri, String detail, int status, Duration retryAfter, Throwable cause) {
        super(uri + ": " + detail, cause);
        this.kind = kind;
        this.uri = uri;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
    public int status() {
        return status;
    }

    /**
     * Whether asking again later may well succeed: a timeout, a network failure, or a status that says "not now"
     * (408, 425, 429, 5xx). A 404 or a blocked address will say the same next time.
     */
    public boolean isTransient() {
        return kind == Kind.TIMEOUT || kind == Kind.NETWORK
                || kind == Kind.HTTP_STATUS && (status == 408 || status == 425 || status == 429 || status >= 500);
    }

    /** How long the server asked us to wait (429/503 with Retry-After), else null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
