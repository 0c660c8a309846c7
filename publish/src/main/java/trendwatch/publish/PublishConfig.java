package trendwatch.publish;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * What the publish topology is built from; the clock stamps {@code updatedAt} and bursts.
 *
 * @param forgetArticlesAfter how long the articles table keeps an article after its latest version was ingested,
 *     or null to keep every article (see {@link ArticleExpiry})
 */
public record PublishConfig(Clock clock, MeterRegistry meters, Duration forgetArticlesAfter) {

    /** Longer than anyone keeps articles, short enough to stay a number of milliseconds. */
    public static final Duration LONGEST_FORGET_AFTER = Duration.ofDays(100 * 365);

    public PublishConfig {
        if (forgetArticlesAfter != null && !forgettableAfter(forgetArticlesAfter)) {
            throw new IllegalArgumentException("the time to forget articles after must be positive and at most "
                    + LONGEST_FORGET_AFTER.toDays() + " days, not " + forgetArticlesAfter);
        }
    }

    /** The one rule for the time to forget articles after; the command line checks it before anything starts. */
    public static boolean forgettableAfter(Duration time) {
        return !time.isNegative() && !time.isZero() && time.compareTo(LONGEST_FORGET_AFTER) <= 0;
    }

    /** Keeps every article: exact replacement for ever, and an articles table that grows with the articles. */
    public PublishConfig(Clock clock, MeterRegistry meters) {
        this(clock, meters, null);
    }
}
