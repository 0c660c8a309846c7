package trendwatch.model;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Every stage's safety net: a record Kafka Streams cannot deserialize, or one a processor throws on, goes to
 * {@code trend.dlq} with the original bytes and its origin, in the same transaction, and the stage goes on. Classify
 * sends the bad input it expects there itself; this catches the rest, such as a bad record on publish's input.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {

    /** A Streams setting (not Kafka's) carrying the stage's {@link MeterRegistry}, for the dead-letter count. */
    public static final String METERS_CONFIG = "trendwatch.meters";

    private String stage = "unknown";
    private MeterRegistry meters;

    /** The stage a Streams application's dead letters are counted and headed under: its id without "trendwatch-". */
    public static String stageOf(Map<?, ?> settings) {
        Object applicationId = settings.get(StreamsConfig.APPLICATION_ID_CONFIG);
        return applicationId == null ? "unknown" : applicationId.toString().replaceFirst("^trendwatch-", "");
    }

    @Override
    public void configure(Map<String, ?> configs) {
        stage = stageOf(configs);
        if (configs.get(METERS_CONFIG) instanceof MeterRegistry registry) {
            meters = registry;
        }
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record, Exception error) {
        return DeserializationExceptionHandler.Response.resume(
                List.of(deadLetter(context, record.key(), record.value(), record.headers(), error)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception error) {
        return ProcessingExceptionHandler.Response.resume(
                List.of(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(), context.headers(), error)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext origin, byte[] key, byte[] value,
                                                      Headers headers, Exception error) {
        Headers described = DeadLetters.sendingOff(headers, stage, error, origin.topic(), origin.partition(),
                origin.offset(), meters);
        return new ProducerRecord<>(Topics.DLQ.name(), null, key, value, described);
    }
}
