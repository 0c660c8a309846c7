package trendwatch.publish;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import trendwatch.model.Granularity;

/**
 * The buckets of one granularity between two instants (inclusive, either open): from this instance's stores,
 * or from every publish instance's (see {@link ClusterCountStores}).
 */
@FunctionalInterface
public interface CountStores {

    Map<Instant, BucketCounts> buckets(Granularity granularity, Instant from, Instant to);

    /** Reads local stores only: one publish instance, or the test driver. */
    static CountStores local(Function<Granularity, ReadOnlyKeyValueStore<String, BucketCounts>> stores) {
        return (granularity, from, to) -> read(stores.apply(granularity), from, to);
    }

    static Map<Instant, BucketCounts> read(ReadOnlyKeyValueStore<String, BucketCounts> store, Instant from,
                                           Instant to) {
        Map<Instant, BucketCounts> buckets = new TreeMap<>();
        // keys are ISO instants without fractions, which sort like time only against the same shape
        String lower = from == null ? null : from.truncatedTo(ChronoUnit.SECONDS).toString();
        String upper = to == null ? null : to.truncatedTo(ChronoUnit.SECONDS).toString();
        try (KeyValueIterator<String, BucketCounts> it = store.range(lower, upper)) {
            while (it.hasNext()) {
                KeyValue<String, BucketCounts> bucket = it.next();
                buckets.put(Instant.parse(bucket.key), bucket.value);
            }
        }
        return buckets;
    }
}
