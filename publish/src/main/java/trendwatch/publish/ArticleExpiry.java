package trendwatch.publish;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import trendwatch.model.ArticleLabels;

/**
 * Bounds the articles table, when the user asks for it: an article whose latest version's record timestamp (when it
 * was written to {@code trend.articles.raw}) lies more than {@link PublishConfig#forgetArticlesAfter()} before this
 * task's stream time (the newest such timestamp it has read) is deleted from the table without being subtracted
 * from its buckets, so its counts stay and the table holds only the articles of that last stretch of time. The
 * price: a changed or re-labeled version arriving after that counts as a new article, and a withdrawal of it
 * subtracts nothing (its earlier version is no longer known). Deleting through the store writes the tombstone to
 * the table's changelog, so a restore forgets the same articles; caching is off, so nothing is forwarded.
 * <p>
 * Which articles are due comes from a queue in memory, oldest first, of every version this task has seen (filled
 * from the table when the task starts): scanning the table instead walked over the tombstones of earlier deletes,
 * and stalled publish for hundreds of milliseconds a sweep (LatencyBench 1 300/s, forgetting after 30 s: counts p99
 * 1 161 ms).
 */
final class ArticleExpiry implements Processor<String, ArticleLabels, Void, Void> {

    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofSeconds(10);
    private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofSeconds(1);
    /**
     * Deletes per sweep: each is a changelog record in the sweep's transaction, so a large backlog (the option
     * turned on over a full table) goes a sweep at a time instead of in one transaction past its timeout.
     */
    static final int MOST_DELETES_PER_SWEEP = 10_000;

    private final Duration forgetAfter;
    private final Counter forgotten;
    private final PriorityQueue<Version> versions = new PriorityQueue<>(Comparator.comparingLong(Version::timestamp));
    private TimestampedKeyValueStore<String, Contribution> articles;

    /** An article's version as the table received it; stale once a newer version of the article came. */
    private record Version(long timestamp, String articleId) {
    }

    ArticleExpiry(PublishConfig config) {
        this.forgetAfter = config.forgetArticlesAfter();
        this.forgotten = config.meters().counter("trendwatch.articles.forgotten");
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        if (forgetAfter == null) {
            return;
        }
        articles = context.getStateStore(PublishTopology.ARTICLES_STORE);
        versions.clear(); // a task revived after an error is initialised again
        try (KeyValueIterator<String, ValueAndTimestamp<Contribution>> all = articles.all()) {
            all.forEachRemaining(article -> versions.add(new Version(article.value.timestamp(), article.key)));
        }
        // stream time, not the wall clock: replaying the topic (after a reset) would otherwise forget each article
        // as soon as it is counted, and a changed version right behind it would count twice
        context.schedule(sweepInterval(forgetAfter), PunctuationType.STREAM_TIME, this::forgetBefore);
    }

    /**
     * A tenth of the time (an article is kept at most 10 % longer than asked), within 1 s and 10 s: a sweep with
     * nothing due costs a look at the queue, and each forgets at most 10 000, so up to 1 000 a second.
     */
    static Duration sweepInterval(Duration forgetAfter) {
        Duration tenth = forgetAfter.dividedBy(10);
        if (tenth.compareTo(SHORTEST_SWEEP_INTERVAL) < 0) {
            return SHORTEST_SWEEP_INTERVAL;
        }
        return tenth.compareTo(LONGEST_SWEEP_INTERVAL) > 0 ? LONGEST_SWEEP_INTERVAL : tenth;
    }

    @Override
    public void process(Record<String, ArticleLabels> record) {
        if (forgetAfter != null && record.key() != null && record.value() != null) {
            versions.add(new Version(record.timestamp(), record.key()));
        }
    }

    private void forgetBefore(long streamTime) {
        long oldest = streamTime - forgetAfter.toMillis();
        int deleted = 0;
        while (deleted < MOST_DELETES_PER_SWEEP && !versions.isEmpty() && versions.peek().timestamp() < oldest) {
            String articleId = versions.poll().articleId();
            ValueAndTimestamp<Contribution> latest = articles.get(articleId);
            // a newer version has its own place further back in the queue
            if (latest != null && latest.timestamp() < oldest) {
                articles.delete(articleId);
                deleted++;
            }
        }
        forgotten.increment(deleted);
    }
}
