package trendwatch.ingest;

import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import trendwatch.model.Article;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SeenArticle;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;

/**
 * Publishes an article and ingest's memory of it in one transaction: either both land or neither does, so a
 * crash can neither lose an article nor make ingest forget it published one.
 */
final class ArticlePublisher implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    ArticlePublisher(KafkaConnection kafka, String transactionalId) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_RECORD_BYTES);
        producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
    }

    void publish(Article article, SeenArticle seen) {
        producer.beginTransaction();
        try {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(),
                    Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), article)));
            producer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), article.id(),
                    Topics.INGEST_SEEN.valueSerde().serializer().serialize(Topics.INGEST_SEEN.name(), seen)));
            producer.commitTransaction();
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    /** Records ingest's memory of an article without republishing it (its source's fingerprint changed). */
    void remember(String articleId, SeenArticle seen) {
        producer.beginTransaction();
        try {
            producer.send(new ProducerRecord<>(Topics.INGEST_SEEN.name(), articleId,
                    Topics.INGEST_SEEN.valueSerde().serializer().serialize(Topics.INGEST_SEEN.name(), seen)));
            producer.commitTransaction();
        } catch (KafkaException e) {
            producer.abortTransaction();
            throw e;
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
