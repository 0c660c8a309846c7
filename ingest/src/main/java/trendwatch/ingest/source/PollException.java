package trendwatch.ingest.source;

import java.time.Duration;
import java.util.Locale;
import trendwatch.ingest.fetch.FetchException;

/**
 * A poll that failed, with the kind of failure (a bounded metric tag: {@code timeout}, {@code http_status},
 * {@code parse}, …) and the server's Retry-After when it gave one.
 */
final class PollException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final transient Duration retryAfter;
    private final boolean isTransient;

    PollException(String kind, String message, Duration retryAfter) {
        this(kind, message, retryAfter, false);
    }

    private PollException(String kind, String message, Duration retryAfter, boolean isTransient) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.isTransient = isTransient;
    }

    static PollException of(FetchException e) {
        return new PollException(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), e.retryAfter(),
                e.isTransient());
    }

    /** Whether the next poll may well succeed where this one failed (see {@link FetchException#isTransient}). */
    boolean isTransient() {
        return isTransient;
    }

    String kind() {
        return kind;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
