package trendwatch.publish;

import java.util.List;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.TrendCount;

/** A count as published, with the bucket's strongest paragraphs for that sector; internal to publish. */
public record CountChange(TrendCount count, List<EvidenceParagraph> evidence) {
}
