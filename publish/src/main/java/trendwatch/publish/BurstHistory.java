package trendwatch.publish;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A sector's recent counts at one granularity and the buckets that already burst; bounded to the newest
 * {@link #KEPT} buckets, so it grows with time buckets, never with articles.
 */
public record BurstHistory(Map<Instant, Long> paragraphs, Set<Instant> fired) {

    static final int KEPT = 40;

    public BurstHistory {
        paragraphs = new TreeMap<>(paragraphs);
        fired = new TreeSet<>(fired);
    }

    static BurstHistory empty() {
        return new BurstHistory(Map.of(), Set.of());
    }

    BurstHistory with(Instant bucket, long count) {
        TreeMap<Instant, Long> next = new TreeMap<>(paragraphs);
        next.put(bucket, count);
        while (next.size() > KEPT) {
            next.pollFirstEntry();
        }
        TreeSet<Instant> stillFired = new TreeSet<>(fired);
        stillFired.removeIf(b -> b.isBefore(next.firstKey()));
        return new BurstHistory(next, stillFired);
    }

    BurstHistory firedAt(Instant bucket) {
        TreeSet<Instant> next = new TreeSet<>(fired);
        next.add(bucket);
        return new BurstHistory(paragraphs, next);
    }

    long count(Instant bucket) {
        return paragraphs.getOrDefault(bucket, 0L);
    }
}
