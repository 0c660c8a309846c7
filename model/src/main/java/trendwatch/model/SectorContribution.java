package trendwatch.model;

/** What one article adds to one sector's counts: its labeled paragraphs and the sum of their scores. */
public record SectorContribution(int paragraphs, double score) {
}
