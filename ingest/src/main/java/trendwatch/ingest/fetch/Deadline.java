package trendwatch.ingest.fetch;

import java.time.Duration;

/** A point in monotonic time by which an exchange must be over; every blocking step asks it how long it may take. */
final class Deadline {

    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    static Deadline after(Duration budget) {
        return new Deadline(System.nanoTime() + budget.toNanos(), budget);
    }

    /** Milliseconds left, at least 1 while time remains (0 would mean "forever" to socket timeouts), 0 once over. */
    int remainingMillis() {
        long nanos = endNanos - System.nanoTime();
        if (nanos <= 0) {
            return 0;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, nanos / 1_000_000));
    }

    boolean expired() {
        return remainingMillis() == 0;
    }

    Duration budget() {
        return budget;
    }
}
