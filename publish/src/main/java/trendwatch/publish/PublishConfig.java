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

    public PublishConfig {
        if (forgetArticlesAfter != null && (forgetArticlesAfter.isNegative() || forgetArticlesAfter.isZero())) {
            throw new IllegalArgumentException("the time to forget articles after must be positive, not "
                    + forgetArticlesAfter);
        }
    }

    /** Keeps every article: exact replacement for ever, and an articles table that grows with the articles. */
    public PublishConfig(Clock clock, MeterRegistry meters) {
        this(clock, meters, null);
    }
}
