package trendwatch.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 * Publishes articles and ingest's memory of them in transactions: an article and its memory land together or
 * not at all, so a crash can neither lose an article nor make ingest forget it published one.
 *
 * <p>One writer thread commits whatever has been handed in while the previous transaction was committing, in one
 * transaction (group commit). A transaction costs 11-19 ms however little it holds (TransactionBench): one per
 * article held ingest to about 70 articles a second, however many sources or submitters fed it.
 */
final class ArticlePublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArticlePublisher.class);

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** A commit retried this long means Kafka is down or unreachable (a healthy one takes milliseconds). */
    static final Duration STALLED_AFTER = Duration.ofSeconds(30);
    /** Bounds one transaction, so that a failed one sends back a bounded amount of work. */
    static final int MAX_WRITES_PER_TRANSACTION = 500;
    static final long MAX_BYTES_PER_TRANSACTION = 8L * 1024 * 1024;
    /** Beyond this much waiting, a write fails at once (as with Kafka down) instead of holding more memory. */
    static final long MAX_QUEUED_BYTES = 64L * 1024 * 1024;
    /** The key, headers and batch framing a record adds to its value, within the producer's request limit. */
    private static final int RECORD_OVERHEAD_BYTES = 4 * 1024;

    private final Supplier<Producer<String, byte[]>> newProducer;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    /** Bytes waiting in {@link #queue}: with Kafka down nothing leaves it, and submissions keep coming. */
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread writer;
    private volatile Producer<String, byte[]> producer;
    private final Duration stalledAfter;
    private volatile List<Write> committing = List.of();
    /** {@link System#nanoTime()} when the transaction being committed began; 0 when none is. */
    private volatile long committingSince;
    private volatile boolean closed;
    private volatile long transactions;

    /**
     * Records to commit together. {@code landing} learns the outcome before {@code done} completes (so whatever
     * waits on {@code done} sees it applied), in the order of hand-over.
     */
    private record Write(List<ProducerRecord<String, byte[]>> records, long bytes, Landing landing,
                         CompletableFuture<Void> done) {
    }

    /** What the writer tells a write's owner about its transaction, before completing the write's future. */
    interface Landing {
        void committed();

        void failed();
    }

    ArticlePublisher(KafkaConnection kafka, String transactionalId) {
        this(() -> producer(kafka, transactionalId));
    }

    /** Takes a supplier of transactional producers whose transactions are not yet initialised. */
    ArticlePublisher(Supplier<Producer<String, byte[]>> newProducer) {
        this(newProducer, STALLED_AFTER);
    }

    ArticlePublisher(Supplier<Producer<String, byte[]>> newProducer, Duration stalledAfter) {
        this.newProducer = newProducer;
        this.stalledAfter = stalledAfter;
        this.producer = initialised(newProducer.get());
        this.writer = new Thread(this::writeUntilClosed, "trendwatch-ingest-publisher");
        writer.setDaemon(true);
        writer.start();
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
     * Hands the article and its memory to the writer; the future completes once they are committed, and fails
     * once their transaction was aborted (the caller may try again). Throws {@link RecordTooLargeException}
     * without writing anything when the article is larger as JSON than a record may be (5 MiB of control
     * characters, each escaped as six): bad input, not a Kafka failure to retry.
     */
    CompletableFuture<Void> publish(Article article, SeenArticle seen, Landing landing) {
        byte[] json = Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), article);
        // checked with room for the key and framing: a record the producer refuses would abort its whole batch
        if (json.length + RECORD_OVERHEAD_BYTES > StreamsSettings.MAX_RECORD_BYTES) {
            throw new RecordTooLargeException("the article is " + json.length + " bytes as JSON, more than the "
                    + (StreamsSettings.MAX_RECORD_BYTES - RECORD_OVERHEAD_BYTES) + " a record may have");
        }
        return write(List.of(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(), json),
                seenRecord(article.id(), seen)), landing);
    }

    /** Records ingest's memory of an article without republishing it (its source's fingerprint changed). */
    CompletableFuture<Void> remember(String articleId, SeenArticle seen, Landing landing) {
        return write(List.of(seenRecord(articleId, seen)), landing);
    }

    /** Withdraws an article: a tombstone on the raw topic, which takes its counts away, and on ingest's memory. */
    CompletableFuture<Void> withdraw(String articleId, Landing landing) {
        return write(List.of(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), articleId, null),
                new ProducerRecord<>(Topics.INGEST_SEEN.name(), articleId, null)), landing);
    }

    /** As {@link #withdraw}, remembering the article as {@code seen} (withdrawn by a user) instead of forgetting it. */
    CompletableFuture<Void> withdraw(String articleId, SeenArticle seen, Landing landing) {
        return write(List.of(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), articleId, null),
                seenRecord(articleId, seen)), landing);
    }

    /** How many transactions were committed: fewer than the articles when several came at once. */
    long transactions() {
        return transactions;
    }

    /**
     * Whether a transaction has been trying to commit for longer than a healthy one could: a commit that times out
     * is retried until it lands, so with Kafka down nothing fails, it waits.
     */
    boolean stalled() {
        long since = committingSince;
        return since != 0 && System.nanoTime() - since > stalledAfter.toNanos();
    }

    private CompletableFuture<Void> write(List<ProducerRecord<String, byte[]>> records, Landing landing) {
        long bytes = records.stream().mapToLong(r -> r.key().length() + (r.value() == null ? 0L : r.value().length))
                .sum();
        Write write = new Write(records, bytes, landing, new CompletableFuture<>());
        long waiting = queuedBytes.addAndGet(bytes);
        if (waiting > bytes && waiting > MAX_QUEUED_BYTES) {
            queuedBytes.addAndGet(-bytes);
            fail(List.of(write), new KafkaException("ingest has " + (waiting - bytes) / (1024 * 1024)
                    + " MiB waiting for Kafka already (Kafka is slow or down); not published"));
            return write.done();
        }
        queue.add(write);
        if (closed) {
            failQueued();
        }
        return write.done();
    }

    /** Until closed; whatever ends the loop (an interrupt, an error), what is waiting fails instead of hanging. */
    private void writeUntilClosed() {
        try {
            while (!closed) {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS); // short: close() waits for it
                if (first != null) {
                    queuedBytes.addAndGet(-first.bytes());
                    commit(batchFrom(first));
                }
            }
        } catch (InterruptedException e) {
            LOG.warn("ingest: the publisher's writer was interrupted; publishing stops");
        } finally {
            closed = true;
            failQueued();
        }
    }

    /** {@code first} and what else is waiting, within the bounds of one transaction. */
    private List<Write> batchFrom(Write first) {
        List<Write> batch = new ArrayList<>(List.of(first));
        long bytes = first.bytes();
        for (Write w = queue.peek(); w != null && batch.size() < MAX_WRITES_PER_TRANSACTION
                && bytes + w.bytes() <= MAX_BYTES_PER_TRANSACTION; w = queue.peek()) {
            batch.add(queue.poll());
            queuedBytes.addAndGet(-w.bytes());
            bytes += w.bytes();
        }
        return batch;
    }

    private void commit(List<Write> batch) {
        committing = batch;
        committingSince = System.nanoTime() | 1; // never 0, which means idle
        Throwable failure = null;
        try {
            List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
            batch.forEach(w -> records.addAll(w.records()));
            inTransaction(records);
        } catch (KafkaException e) {
            failure = e; // aborted already
        } catch (Throwable e) { // an Error too: its callers must hear of it, and the writer must go on
            abortQuietly();
            failure = e;
        }
        // ended before anyone hears of it, so that whoever then asks finds nothing stalled
        committingSince = 0;
        committing = List.of();
        if (failure != null) {
            fail(batch, failure);
            return;
        }
        transactions++;
        batch.forEach(w -> w.landing().committed());
        batch.forEach(w -> w.done().complete(null));
    }

    /**
     * Returns once the records are committed; throws once they are aborted. A fenced producer can never write
     * again, and nothing of its open transaction was committed, so the records go again through a new producer
     * with the same transactional id.
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
        commitTransaction();
    }

    /**
     * A commit that timed out (Kafka unreachable for {@code max.block.ms}) may or may not have happened, and only
     * retrying it tells. Aborting instead is refused by the producer ("the previous call to commitTransaction timed
     * out and must be retried"), which left ingest unable to publish anything until restarted; and giving up would
     * make the caller publish the article again, twice if the first commit did land.
     */
    private void commitTransaction() {
        try {
            untilDefinite(producer::commitTransaction, "committing to Kafka");
        } catch (TimeoutException e) {
            throw e;
        } catch (KafkaException e) {
            abort();
            throw e;
        }
    }

    /** Ends a transaction something unexpected left open, so that the next one can begin. */
    private void abortQuietly() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            LOG.debug("ingest: no transaction to abort after an unexpected failure: {}", e.toString());
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

    private void failQueued() {
        List<Write> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> queuedBytes.addAndGet(-w.bytes()));
        fail(left, closing());
    }

    private static KafkaException closing() {
        return new KafkaException("ingest is shutting down; not published");
    }

    /** Tells each write's owner first, then completes its future; a write completed before stays as it was. */
    private static void fail(List<Write> writes, Throwable error) {
        for (Write w : writes) {
            if (!w.done().isDone()) {
                w.landing().failed();
                w.done().completeExceptionally(error);
            }
        }
    }

    /**
     * Bounded: with the broker down an unbounded close would hold up the whole shutdown. Whatever was not
     * committed by then fails, so no caller waits for ever.
     */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(CLOSE_TIMEOUT);
        fail(committing, closing());
        failQueued();
    }
}
