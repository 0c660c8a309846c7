package trendwatch.publish;

/**
 * The momentum of a count against its own history. The z-score divides by a standard deviation of at least 1,
 * so a sector that was flat at zero and now has a few paragraphs rises by that many, not by infinity.
 */
final class TrendMeasures {

    static final double RISING = 1.0;
    static final double FALLING = -1.0;

    private TrendMeasures() {
    }

    record Measure(double baseline, double zScore, String status) {
    }

    /** {@code history} holds the preceding buckets' counts, oldest first, zeros for empty buckets. */
    static Measure of(long count, long[] history) {
        double mean = 0;
        for (long h : history) {
            mean += h;
        }
        mean = history.length == 0 ? 0 : mean / history.length;
        double variance = 0;
        for (long h : history) {
            variance += (h - mean) * (h - mean);
        }
        double std = history.length == 0 ? 0 : Math.sqrt(variance / history.length);
        double z = round((count - mean) / Math.max(std, 1.0));
        String status = z >= RISING ? "rising" : z <= FALLING ? "falling" : "steady";
        return new Measure(round(mean), z, status);
    }

    static double share(long paragraphs, long labeledParagraphs) {
        return labeledParagraphs <= 0 ? 0 : round((double) paragraphs / labeledParagraphs);
    }

    static Double changePercent(long count, long previous) {
        return previous == 0 ? null : round(100.0 * (count - previous) / previous);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
