package trendwatch.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.KafkaConnection;
import trendwatch.model.Topic;

/**
 * Follows a topic from a little before its end (committed records only), without a consumer group: every
 * publish instance sees everything, and nothing is committed on behalf of subscribers.
 */
final class TopicFollower<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    /** What a follower hands on: every committed record in its partition's order, a tombstone's value null. */
    @FunctionalInterface
    interface Handler<V> {
        void accept(String key, V value, long timestamp);
    }

    private final String topic;
    private final long backlogPerPartition;
    private final Handler<V> onRecord;
    private final KafkaConsumer<String, V> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    TopicFollower(KafkaConnection kafka, String topic, Deserializer<V> values, long backlogPerPartition,
                  Handler<V> onRecord) {
        this.topic = topic;
        this.backlogPerPartition = backlogPerPartition;
        this.onRecord = onRecord;
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(), values);
        this.thread = new Thread(this::run, "follow-" + topic);
        this.thread.setDaemon(true);
    }

    /** Follows the values of {@code topic}, tombstones left out. */
    static <V> TopicFollower<V> values(KafkaConnection kafka, Topic<String, V> topic, long backlogPerPartition,
                                       Consumer<V> onValue) {
        return new TopicFollower<>(kafka, topic.name(), topic.valueSerde().deserializer(), backlogPerPartition,
                (key, value, timestamp) -> {
                    if (value != null) {
                        onValue.accept(value);
                    }
                });
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            seekToTail();
            while (running.get()) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // close() woke us up: a normal stop
        } catch (RuntimeException e) {
            LOG.error("following {} stopped: {}", topic, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void seekToTail() {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        consumer.assign(partitions);
        consumer.endOffsets(partitions).forEach((tp, end) ->
                consumer.seek(tp, Math.max(0, end - backlogPerPartition)));
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(500))) {
                onRecord.accept(record.key(), record.value(), record.timestamp());
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("following {}: skipped {}@{}: {}", topic, e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (!thread.isAlive()) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
