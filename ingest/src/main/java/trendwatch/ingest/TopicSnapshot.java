package trendwatch.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import trendwatch.model.KafkaConnection;
import trendwatch.model.Topic;

/** The latest committed value per key of a compacted topic, read from its beginning to its current end. */
public final class TopicSnapshot {

    /** Where a replay hands each committed record: a key's newer value, or its removal (a tombstone). */
    public interface Target<V> {
        void put(String key, V value);

        void remove(String key);
    }

    private TopicSnapshot() {
    }

    /** The snapshot as a map on the heap: for topics with an entry per source, not per article. */
    public static <V> Map<String, V> read(KafkaConnection kafka, Topic<String, V> topic, Duration timeout) {
        Map<String, V> latest = new HashMap<>();
        replay(kafka, topic, timeout, new Target<>() {
            @Override
            public void put(String key, V value) {
                latest.put(key, value);
            }

            @Override
            public void remove(String key) {
                latest.remove(key);
            }
        });
        return latest;
    }

    /** Hands every committed record, oldest first, to {@code target}: what it keeps last per key is the snapshot. */
    public static <V> void replay(KafkaConnection kafka, Topic<String, V> topic, Duration timeout, Target<V> target) {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic.name(), timeout)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < ends.get(tp))) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        target.remove(record.key());
                    } else {
                        target.put(record.key(), record.value());
                    }
                }
            }
        }
    }
}
