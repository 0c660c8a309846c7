package trendwatch.model;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/** A topic of the contract: its name, serdes, cleanup policy and largest record, defined once. */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Cleanup cleanup, int maxRecordBytes) {

    public enum Cleanup { COMPACT, DELETE }

    /** A topic taking records up to the contract's {@link StreamsSettings#MAX_RECORD_BYTES}. */
    public Topic(String name, Serde<K> keySerde, Serde<V> valueSerde, Cleanup cleanup) {
        this(name, keySerde, valueSerde, cleanup, StreamsSettings.MAX_RECORD_BYTES);
    }

    public Consumed<K, V> consumed() {
        return Consumed.with(keySerde, valueSerde);
    }

    public Produced<K, V> produced() {
        return Produced.with(keySerde, valueSerde);
    }
}
