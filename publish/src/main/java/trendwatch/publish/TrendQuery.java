package trendwatch.publish;

import java.time.Instant;
import trendwatch.model.Granularity;

/** A question to the trends API: one granularity, an optional time range (inclusive) and an optional sector. */
public record TrendQuery(Granularity granularity, Instant from, Instant to, String sector) {
}
