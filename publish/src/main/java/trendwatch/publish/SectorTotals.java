package trendwatch.publish;

/**
 * One sector's totals in one bucket. The score is kept in thousandths as a long so that adding and
 * subtracting contributions is exact: a replaced article leaves no floating-point residue behind.
 */
public record SectorTotals(long paragraphs, long articles, long scoreMillis) {

    static final SectorTotals ZERO = new SectorTotals(0, 0, 0);

    SectorTotals plus(SectorTotals other) {
        return new SectorTotals(paragraphs + other.paragraphs, articles + other.articles,
                scoreMillis + other.scoreMillis);
    }

    SectorTotals negate() {
        return new SectorTotals(-paragraphs, -articles, -scoreMillis);
    }

    double score() {
        return scoreMillis / 1000.0;
    }

    static long millis(double score) {
        return Math.round(score * 1000);
    }
}
