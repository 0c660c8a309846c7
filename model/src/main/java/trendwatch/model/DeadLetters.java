package trendwatch.model;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The headers every record on {@code trend.dlq} carries: which stage gave up on it, why, and where it came from. */
public final class DeadLetters {

    public static final String STAGE = "trendwatch.stage";
    public static final String ERROR_CLASS = "trendwatch.error.class";
    public static final String ERROR_MESSAGE = "trendwatch.error.message";
    public static final String SOURCE_TOPIC = "trendwatch.source.topic";
    public static final String SOURCE_PARTITION = "trendwatch.source.partition";
    public static final String SOURCE_OFFSET = "trendwatch.source.offset";

    private static final int MAX_MESSAGE_CHARS = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    /**
     * The headers of a record on its way to {@code trend.dlq}: a copy of {@code original} with the reason and origin
     * added. Says so in one log line and counts it in {@code trendwatch_dlq_records_total{stage}} ({@code meters}
     * may be null where nothing counts).
     */
    public static Headers sendingOff(Headers original, String stage, Throwable error, String topic, int partition,
                                     long offset, MeterRegistry meters) {
        LOG.warn("{}: record {}/{}@{} sent to {}: {}", stage, topic, partition, offset, Topics.DLQ.name(),
                error.getMessage());
        if (meters != null) {
            counter(meters, stage).increment();
        }
        return describe(new RecordHeaders(original.toArray()), stage, error, topic, partition, offset);
    }

    /**
     * {@code trendwatch_dlq_records_total{stage}}. A stage registers it as it starts, so that dashboards read 0 rather
     * than "no data" until its first dead letter.
     */
    public static Counter counter(MeterRegistry meters, String stage) {
        return meters.counter("trendwatch.dlq.records", "stage", stage);
    }

    /** Adds the reason and origin headers to {@code headers}. */
    public static Headers describe(Headers headers, String stage, Throwable error, String topic, int partition,
                                   long offset) {
        put(headers, STAGE, stage);
        put(headers, ERROR_CLASS, error.getClass().getName());
        put(headers, ERROR_MESSAGE, truncate(String.valueOf(error.getMessage())));
        put(headers, SOURCE_TOPIC, topic);
        put(headers, SOURCE_PARTITION, Integer.toString(partition));
        put(headers, SOURCE_OFFSET, Long.toString(offset));
        return headers;
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String truncate(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "…";
    }
}
