package trendwatch.classify.eval;

/** Precision, recall and F1 from counts of true positives, false positives and false negatives. */
public record SectorScore(String sector, int truePositives, int falsePositives, int falseNegatives) {

    public double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    public double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Whether any paragraph expected it or was given it. */
    public boolean isUsed() {
        return truePositives + falsePositives + falseNegatives > 0;
    }

    public int support() {
        return truePositives + falseNegatives;
    }

    /** An empty class (nothing expected, nothing predicted) is perfect, not undefined. */
    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 1.0 : (double) numerator / denominator;
    }
}
