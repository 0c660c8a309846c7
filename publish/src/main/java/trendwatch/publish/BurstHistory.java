package trendwatch.publish;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * A sector's recent buckets at one granularity, in memory: their counts and whether they already burst; bounded
 * to the newest {@link #KEPT} buckets, so it grows with time buckets, never with articles. The burst detector
 * stores each bucket under its own key, so a count change writes one small entry, not the whole series.
 */
final class BurstHistory {

    static final int KEPT = 40;

    /** One bucket as the detector remembers it. */
    record Mark(long paragraphs, boolean fired) {

        static final Mark NONE = new Mark(0, false);

        Mark withParagraphs(long count) {
            return new Mark(count, fired);
        }

        Mark firing() {
            return new Mark(paragraphs, true);
        }
    }

    private final TreeMap<Instant, Mark> buckets = new TreeMap<>();

    /** Sets a bucket's mark; returns the buckets that fell out of the kept window (oldest first). */
    List<Instant> put(Instant bucket, Mark mark) {
        buckets.put(bucket, mark);
        List<Instant> dropped = new ArrayList<>(0);
        while (buckets.size() > KEPT) {
            dropped.add(buckets.pollFirstEntry().getKey());
        }
        return dropped;
    }

    /** Whether a mark for the bucket would be kept: the window is not full yet, or the bucket is inside it. */
    boolean keeps(Instant bucket) {
        return buckets.size() < KEPT || !bucket.isBefore(buckets.firstKey());
    }

    /** Whether the bucket is kept with this count already: the same count passed on again changes nothing. */
    boolean holds(Instant bucket, long paragraphs) {
        Mark mark = buckets.get(bucket);
        return mark != null && mark.paragraphs() == paragraphs;
    }

    /** The kept buckets after this one, oldest first: the ones whose history it is part of. */
    List<Instant> bucketsAfter(Instant bucket) {
        return List.copyOf(buckets.tailMap(bucket, false).keySet());
    }

    Mark mark(Instant bucket) {
        return buckets.getOrDefault(bucket, Mark.NONE);
    }

    long count(Instant bucket) {
        return mark(bucket).paragraphs();
    }

    Instant first() {
        return buckets.firstKey();
    }
}
