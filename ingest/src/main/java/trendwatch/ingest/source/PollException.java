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

    PollException(String kind, String message, Duration retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    static PollException of(FetchException e) {
        return new PollException(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), e.retryAfter());
    }

    String kind() {
        return kind;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
