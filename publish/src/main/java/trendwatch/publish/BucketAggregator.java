package trendwatch.publish;

import java.time.Clock;

/**
 * The adder and subtractor of one granularity's buckets. Kafka Streams applies an article's new version to the
 * bucket of its earlier one in a single update, on one thread: the subtractor, then the adder with the
 * subtractor's result. Handing the bucket as it was before the subtraction to that adder lets a sector whose numbers
 * come back to where they were keep its time, since its count did not move.
 */
final class BucketAggregator {

    /** What the subtractor of an update returned, and the bucket it started from. */
    private record Subtraction(BucketCounts result, BucketCounts before) {
    }

    private final Clock clock;
    private final ThreadLocal<Subtraction> lastSubtraction = new ThreadLocal<>();

    BucketAggregator(Clock clock) {
        this.clock = clock;
    }

    BucketCounts add(String bucket, Contribution article, BucketCounts counts) {
        Subtraction subtraction = lastSubtraction.get();
        lastSubtraction.remove();
        // the same object, not an equal one: only the subtractor of this very update returned it (a bucket read
        // from the store is a new object)
        BucketCounts before = subtraction != null && subtraction.result() == counts ? subtraction.before() : null;
        return counts.plus(article, clock.instant(), before);
    }

    BucketCounts subtract(String bucket, Contribution article, BucketCounts counts) {
        BucketCounts result = counts.minus(article, clock.instant());
        lastSubtraction.set(new Subtraction(result, counts));
        return result;
    }
}
