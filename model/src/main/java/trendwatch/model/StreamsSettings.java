package trendwatch.model;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/** The Kafka Streams settings every stage shares. */
public final class StreamsSettings {

    /** The largest record the contract topics take (their {@code max.message.bytes}). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;
    /**
     * What {@code trend.dlq} takes, and so what the stages may write: the largest record another topic takes, with
     * room for the origin headers a dead letter adds (a few hundred bytes; the error message is cut at 1 000).
     */
    public static final int MAX_DEAD_LETTER_BYTES = MAX_RECORD_BYTES + 64 * 1024;
    /**
     * Segment size of compacted topics (the contract's and Kafka Streams' changelogs). Compaction cleans closed
     * segments only: with Kafka's default 1 GiB, a partition would keep every old version until it had written
     * a gigabyte, so the disk would grow with the articles instead of with the keys.
     */
    public static final int COMPACTED_SEGMENT_BYTES = 64 * 1024 * 1024;

    private StreamsSettings() {
    }

    /** A copy of {@code shared} with a stage's own settings on top (its commit interval, say). */
    public static Properties withOwn(Properties shared, Map<String, Object> own) {
        Properties settings = new Properties();
        settings.putAll(shared);
        settings.putAll(own);
        return settings;
    }

    /**
     * Exactly-once v2, state under {@code stateDir}, and handlers that send a bad record the topologies did not
     * expect to the dead-letter topic and keep going.
     */
    public static Properties exactlyOnce(String applicationId, KafkaConnection kafka, Path stateDir) {
        Properties p = kafka.properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // after a crash the stage's old group member holds its partitions until this timeout: 45 s by default
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        // articles may be up to 5 MiB of text; the contract topics accept records up to MAX_RECORD_BYTES, the
        // dead-letter topic a little more, so that the largest bad record still leaves with its origin (a record
        // in between bound for another topic is refused by the broker instead of the producer: failed either way)
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_DEAD_LETTER_BYTES);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        p.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_BYTES_CONFIG), COMPACTED_SEGMENT_BYTES);
        // internal topics take what the contract topics take, whatever the cluster's default (often 1 MB)
        p.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), MAX_RECORD_BYTES);
        // classify writes ~25 records per article (each paragraph, again per sector), publish several per count
        // change: bigger batches cost less CPU per record (ThroughputBench: -24 to -29 % CPU per article, +19 to
        // +27 % articles/s). Under exactly-once every commit flushes the producer, so linger adds at most 20 ms.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        // a stage commits only between polls: blocking up to the default 100 ms for input that has not come
        // stretched the commit interval to ~190 ms at low rates, and an article's count waits for three commits
        // (LatencyBench 100/s: counts p50 341 -> 253 ms, p99 570 -> 489 ms)
        p.put(StreamsConfig.POLL_MS_CONFIG, 10);
        return p;
    }
}
