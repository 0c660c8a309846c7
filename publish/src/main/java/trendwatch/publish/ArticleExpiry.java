package trendwatch.publish;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
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
 */
final class ArticleExpiry implements Processor<String, ArticleLabels, Void, Void> {

    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofSeconds(1);
    /**
     * Articles a sweep looks at, going on from where the last one stopped: a sweep is a short pause of the stream
     * thread (milliseconds) however large the table, and so is the transaction holding its deletes.
     */
    static final int MOST_EXAMINED_PER_SWEEP = 10_000;

    private final Duration forgetAfter;
    private final Counter forgotten;
    private TimestampedKeyValueStore<String, Contribution> articles;
    /** The last article the previous sweep looked at, or null to start from the first. */
    private String resumeAfter;

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
        // stream time, not the wall clock: replaying the topic (after a reset) would otherwise forget each article
        // as soon as it is counted, and a changed version right behind it would count twice
        context.schedule(sweepInterval(forgetAfter), PunctuationType.STREAM_TIME, this::forgetBefore);
    }

    /**
     * A tenth of the time, within 1 s and 1 min: with up to 10 000 articles per task, one is kept at most 10 %
     * longer than asked (or 1 s); a larger table takes a sweep per 10 000 to go through.
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
        // the table keeps each version's timestamp itself; nothing to do per record
    }

    private void forgetBefore(long streamTime) {
        long oldest = streamTime - forgetAfter.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Contribution>> next = resumeAfter == null ? articles.all()
                : articles.range(resumeAfter, null)) {
            String last = null;
            int examined = 0;
            while (examined < MOST_EXAMINED_PER_SWEEP && next.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Contribution>> article = next.next();
                if (article.key.equals(resumeAfter)) {
                    continue; // the range includes where it starts
                }
                examined++;
                last = article.key;
                if (article.value.timestamp() < oldest) {
                    expired.add(article.key);
                }
            }
            resumeAfter = next.hasNext() ? last : null;
        }
        expired.forEach(articles::delete);
        forgotten.increment(expired.size());
    }
}
