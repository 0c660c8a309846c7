package trendwatch.publish;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/** What the publish topology is built from; the clock stamps {@code updatedAt} and bursts. */
public record PublishConfig(Clock clock, MeterRegistry meters) {
}
