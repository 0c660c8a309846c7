package trendwatch.publish;

import java.util.List;
import trendwatch.model.TrendCount;

/** A count as published, with the bucket's strongest paragraphs for that sector; internal to publish. */
record CountChange(TrendCount count, List<Evidence> evidence) {
}
