package trendwatch.ingest.source;

import java.time.Duration;

/**
 * When to poll a source next. Like good feed readers: poll more often while a source publishes, less often
 * while it is quiet, never before the server says the content is stale, and back off exponentially while it
 * fails; always between the source's minimum and maximum interval (a server's Retry-After may exceed the
 * maximum: it is the server's explicit request).
 */
public final class Schedule {

    private Schedule() {
    }

    /** The interval after a successful poll; {@code freshFor} is what Cache-Control, Expires or a feed's ttl said. */
    public static Duration afterSuccess(Duration current, Duration min, Duration max, boolean newItems,
                                        Duration freshFor) {
        Duration next = newItems ? current.dividedBy(2) : current.multipliedBy(3).dividedBy(2);
        if (freshFor != null && freshFor.compareTo(next) > 0) {
            next = freshFor;
        }
        return clamp(next, min, max);
    }

    /** The wait after the {@code failures}-th consecutive failure (1 for the first). */
    public static Duration afterFailure(int failures, Duration min, Duration max, Duration retryAfter) {
        Duration backoff = min.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 16));
        Duration next = clamp(backoff, min, max);
        return retryAfter != null && retryAfter.compareTo(next) > 0 ? retryAfter : next;
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
