package trendwatch.classify;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import trendwatch.model.Article;
import trendwatch.model.DeadLetters;
import trendwatch.model.Topics;

/** Parses and classifies one raw record; anything it cannot handle becomes a {@link Outcome.Failed} with its origin. */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], byte[], Outcome> {

    static final String STAGE = "classify";
    /** Paragraphs labeled, per sector. */
    static final String LABELED = "trendwatch.paragraphs.labeled";

    private final Classifier classifier;
    private final MeterRegistry meters;
    private FixedKeyProcessorContext<byte[], Outcome> context;

    ClassifyProcessor(ClassifyConfig config) {
        this.classifier = config.classifiers().apply(config.taxonomy());
        this.meters = config.meters();
        // at 0 from the start, so that a sector not labeled yet (a new one, say) is a series, not a gap
        config.taxonomy().sectorIds().forEach(sector -> meters.counter(LABELED, "sector", sector));
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Outcome> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            context.forward(record.withValue(new Outcome.Withdrawn(keyOf(record))));
            return;
        }
        Outcome.Classified outcome;
        try {
            Article article = Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize(topic(), record.value());
            outcome = new Outcome.Classified(article.id(), classifier.classify(article));
        } catch (RuntimeException e) {
            deadLetter(record, e);
            return;
        }
        // outside the try: what fails downstream (Kafka Streams' own exceptions, a fenced producer) is not this
        // record's fault and must reach Kafka Streams, not the dead-letter topic
        count(outcome.article());
        context.forward(record.withValue(outcome));
    }

    private void deadLetter(FixedKeyRecord<byte[], byte[]> record, RuntimeException error) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        var headers = DeadLetters.sendingOff(record.headers(), STAGE, error, origin.topic(), origin.partition(),
                origin.offset(), meters);
        context.forward(record.withValue((Outcome) new Outcome.Failed(record.value())).withHeaders(headers));
    }


    private void count(ClassifiedArticle classified) {
        meters.counter("trendwatch.paragraphs.classified").increment(classified.paragraphs().size());
        classified.labels().sectors().forEach((sector, contribution) ->
                meters.counter(LABELED, "sector", sector).increment(contribution.paragraphs()));
    }

    private String topic() {
        return context.recordMetadata().map(RecordMetadata::topic).orElse(Topics.ARTICLES_RAW.name());
    }

    private static String keyOf(FixedKeyRecord<byte[], byte[]> record) {
        return record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
    }
}
