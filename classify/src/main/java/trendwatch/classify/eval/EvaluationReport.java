package trendwatch.classify.eval;

import java.util.List;

/**
 * How well labels match a labeled set.
 *
 * @param noLabelFalsePositiveRate share of paragraphs a person gave no label that got one anyway
 * @param hardNegativeRate share of the hard negatives (paragraphs marked hard with no label) that got a label
 */
public record EvaluationReport(int paragraphs, List<SectorScore> sectors, double macroF1, double microF1,
                               int noLabelParagraphs, double noLabelFalsePositiveRate, int hardNegatives,
                               double hardNegativeRate, List<Mistake> mistakes) {

    /**
     * Whether any paragraph expected a sector or was given one. When none did, F1 is undefined (the report's
     * figures would be a vacuous 1.0) and only the false-positive rates say anything.
     */
    public boolean scoresAnySector() {
        return sectors.stream().anyMatch(SectorScore::isUsed);
    }

    /** A paragraph whose predicted sectors differ from the expected ones. */
    public record Mistake(String id, String text, List<String> expected, List<String> predicted) {
    }
}
