package trendwatch.model;

/**
 * What one article adds to one sector's counts: its labeled paragraphs, the sum of their scores, and its
 * best paragraph for that sector (null in records written before it existed).
 */
public record SectorContribution(int paragraphs, double score, EvidenceParagraph best) {

    public SectorContribution(int paragraphs, double score) {
        this(paragraphs, score, null);
    }
}
