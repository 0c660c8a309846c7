package trendwatch.publish;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import trendwatch.model.TrendCount;

/** Answers trend questions from the bucket stores; the answer has the same shape as {@code trend.counts}. */
public final class TrendQueries {

    private final CountStores stores;
    private final Clock clock;

    public TrendQueries(CountStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** Non-zero counts, oldest bucket first, sectors in id order within a bucket. */
    public List<TrendCount> trends(TrendQuery query) {
        String from = query.from() == null ? null : query.granularity().bucketStart(query.from()).toString();
        String to = query.to() == null ? null : query.to().toString();
        List<TrendCount> counts = new ArrayList<>();
        try (KeyValueIterator<String, BucketCounts> buckets = stores.counts(query.granularity()).range(from, to)) {
            while (buckets.hasNext()) {
                KeyValue<String, BucketCounts> bucket = buckets.next();
                bucket.value.toTrendCounts(query.granularity(), java.time.Instant.parse(bucket.key), clock.instant())
                        .stream()
                        .filter(count -> count.paragraphs() > 0)
                        .filter(count -> query.sector() == null || query.sector().equals(count.sector()))
                        .forEach(counts::add);
            }
        }
        counts.sort(Comparator.comparing(TrendCount::bucketStart).thenComparing(TrendCount::sector));
        return counts;
    }
}
