package trendwatch.publish;

import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import trendwatch.model.Granularity;

/** Access to the publish stage's bucket stores: live Kafka Streams in the app, the test driver in tests. */
@FunctionalInterface
public interface CountStores {

    ReadOnlyKeyValueStore<String, BucketCounts> counts(Granularity granularity);
}
