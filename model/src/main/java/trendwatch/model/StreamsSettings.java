package trendwatch.model;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The Kafka Streams settings every stage shares. */
public final class StreamsSettings {

    /** The largest record the contract topics take (their {@code max.message.bytes}). */
    public static final int MAX_RECORD_BYTES = 16 * 1024 * 1024;

    private StreamsSettings() {
    }

    /**
     * Exactly-once v2, state under {@code stateDir}, and handlers that keep going on a bad record
     * (the topologies send bad records to the dead-letter topic themselves; these are the safety net).
     */
    public static Properties exactlyOnce(String applicationId, String bootstrapServers, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // after a crash the stage's old group member holds its partitions until this timeout: 45 s by default
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        // articles may be up to 5 MiB of text; the contract topics accept records up to MAX_RECORD_BYTES
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        // classify writes ~25 records per article (each paragraph, again per sector), publish several per count
        // change: bigger batches cost less CPU per record (ThroughputBench: -24 to -29 % CPU per article, +19 to
        // +27 % articles/s). Under exactly-once every commit flushes the producer, so linger adds at most 20 ms.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 20);
        return p;
    }
}
