package trendwatch.classify;

import io.micrometer.core.instrument.MeterRegistry;
import trendwatch.model.taxonomy.Taxonomy;

/** What the classify topology is built from. */
public record ClassifyConfig(Taxonomy taxonomy, MeterRegistry meters) {
}
