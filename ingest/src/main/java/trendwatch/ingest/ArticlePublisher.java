package trendwatch.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ApplicationRecoverableException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Producer<String, byte[]>> newProducer;
    private volatile Producer<String, byte[]> producer;
    private volatile boolean closed;

    ArticlePublisher(KafkaConnection kafka, String transactionalId) {
        this(() -> producer(kafka, transactionalId));
    }

    /** Takes a supplier of transactional producers whose transactions are not yet initialised. */
    ArticlePublisher(Supplier<Producer<String, byte[]>> newProducer) {
        this.newProducer = newProducer;
        this.producer = initialised(newProducer.get());
    }

    private static Producer<String, byte[]> initialised(Producer<String, byte[]> producer) {
        try {
            producer.initTransactions();
            return producer;
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
    }

    private static Producer<String, byte[]> producer(KafkaConnection kafka, String transactionalId) {
        Properties p = kafka.properties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_RECORD_BYTES);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Throws {@link RecordTooLargeException} without writing anything when the article is larger as JSON than a
     * record may be (5 MiB of control characters, each escaped as six): bad input, not a Kafka failure to retry.
     */
    void publish(Article article, SeenArticle seen) {
        byte[] json = Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), article);
        if (json.length > StreamsSettings.MAX_RECORD_BYTES) {
            throw new RecordTooLargeException("the article is " + json.length + " bytes as JSON, more than the "
                    + StreamsSettings.MAX_RECORD_BYTES + " a record may have");
        }
        inTransaction(List.of(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(), json),
                seenRecord(article.id(), seen)));
    }

    /** Records ingest's memory of an article without republishing it (its source's fingerprint changed). */
    void remember(String articleId, SeenArticle seen) {
        inTransaction(List.of(seenRecord(articleId, seen)));
    }

    /**
     * Returns once the records are committed; throws once they are aborted (the caller may try again). A fenced
     * producer can never write again, and nothing of its open transaction was committed, so the records go again
     * through a new producer with the same transactional id.
     */
    private void inTransaction(List<ProducerRecord<String, byte[]>> records) {
        try {
            attempt(records);
        } catch (KafkaException e) {
            if (!fenced(e)) {
                throw e;
            }
            LOG.warn("ingest: Kafka fenced its producer, starting a new one (another ingest with the same"
                    + " transactional.id started, or ingest was paused longer than transaction.timeout.ms): {}",
                    e.getMessage());
            Producer<String, byte[]> old = producer;
            producer = initialised(newProducer.get());
            old.close(Duration.ZERO);
            attempt(records);
        }
    }

    /** Fenced: the broker gave the transactional id to a newer producer (or timed out our transaction). */
    private static boolean fenced(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ApplicationRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private void attempt(List<ProducerRecord<String, byte[]>> records) {
        producer.beginTransaction();
        try {
            records.forEach(producer::send);
        } catch (KafkaException e) {
            abort();
            throw e;
        }
        commit();
    }

    /**
     * A commit that timed out (Kafka unreachable for {@code max.block.ms}) may or may not have happened, and only
     * retrying it tells. Aborting instead is refused by the producer ("the previous call to commitTransaction timed
     * out and must be retried"), which left ingest unable to publish anything until restarted; and giving up would
     * make the caller publish the article again, twice if the first commit did land.
     */
    private void commit() {
        try {
            untilDefinite(producer::commitTransaction, "committing to Kafka");
        } catch (TimeoutException e) {
            throw e;
        } catch (KafkaException e) {
            abort();
            throw e;
        }
    }

    /** An abort that timed out must likewise be retried before the next transaction can begin. */
    private void abort() {
        untilDefinite(producer::abortTransaction, "aborting a transaction");
    }

    /** Repeats {@code call} while it times out, unless the publisher is closing. */
    private void untilDefinite(Runnable call, String what) {
        while (true) {
            try {
                call.run();
                return;
            } catch (TimeoutException e) {
                if (closed) {
                    throw e;
                }
                LOG.warn("ingest: {} timed out, retrying: {}", what, e.getMessage());
            }
        }
    }

    private static ProducerRecord<String, byte[]> seenRecord(String articleId, SeenArticle seen) {
        return new ProducerRecord<>(Topics.INGEST_SEEN.name(), articleId,
                Topics.INGEST_SEEN.valueSerde().serializer().serialize(Topics.INGEST_SEEN.name(), seen));
    }

    @Override
    public void close() {
        closed = true;
        // bounded: with the broker down an unbounded close would hold up the whole shutdown
        producer.close(CLOSE_TIMEOUT);
    }
}
