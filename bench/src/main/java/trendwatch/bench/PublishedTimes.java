package trendwatch.bench;

import java.time.Instant;
import java.util.Random;

/**
 * When the benchmarks' articles were published, which decides how many of them share a count. Over the last D days
 * (D=30 a backfill, hundreds of hour buckets; D=1 live news, where Streams' record cache merges many updates of a
 * bucket within a commit interval), or with D=0 each article in its own week: every article opens new hour, day and
 * week buckets and no two share a count (publish's worst case).
 */
final class PublishedTimes {

    /**
     * A Monday 00:30 UTC: with D=0, article i's hour, day and week buckets all start at its hour - i weeks. Far in
     * the future so that a fast machine's run fits: at half of 3 700 articles/s, 55 s took 102 000 weeks, more than
     * lie between 2024 (the base until then) and the year 1. Nothing in the pipeline compares an article's time
     * with the clock (records keep their own timestamps), so only the dates differ.
     */
    private static final Instant BASE = Instant.parse("8000-01-03T00:30:00Z");
    private static final long WEEK_SECONDS = 7 * 24 * 3600;
    /** One week each goes back to the year 333. */
    private static final int MAX_OWN_WEEKS = 400_000;

    private final int days;
    private final Instant now;
    private final Random random = new Random(7);

    PublishedTimes(int days, int articles, Instant now) {
        if (days < 0) {
            throw new IllegalArgumentException("--days must be 0 (each article in its own week) or more: " + days);
        }
        if (days == 0 && articles > MAX_OWN_WEEKS) {
            throw new IllegalArgumentException("at most 400,000 articles with each in its own week (since the year"
                    + " 333); " + articles + " asked for: fewer articles, or --days D");
        }
        this.days = days;
        this.now = now;
    }

    /** Article i's publishing time. */
    Instant of(int i) {
        return days == 0 ? BASE.minusSeconds(i * WEEK_SECONDS) : now.minusSeconds(random.nextInt(days * 24 * 3600));
    }

    static String describe(int days) {
        return days == 0 ? "each article in its own week" : "published over the last " + days + " days";
    }
}
