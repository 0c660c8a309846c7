package trendwatch.ingest.source;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SourceState;
import trendwatch.model.Topics;

/** Writes each source's state to the compacted {@code trend.ingest.sources} topic after every poll. */
final class SourceStates implements AutoCloseable {

    private final KafkaProducer<String, SourceState> producer;

    SourceStates(KafkaConnection kafka) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p, new StringSerializer(), Topics.INGEST_SOURCES.valueSerde().serializer());
    }

    void save(SourceState state) {
        producer.send(new ProducerRecord<>(Topics.INGEST_SOURCES.name(), state.sourceId(), state));
    }

    @Override
    public void close() {
        producer.close();
    }
}
