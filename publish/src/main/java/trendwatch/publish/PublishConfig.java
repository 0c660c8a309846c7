package trendwatch.publish;

import java.time.Clock;

/** What the publish topology is built from; the clock stamps {@code updatedAt}. */
public record PublishConfig(Clock clock) {
}
