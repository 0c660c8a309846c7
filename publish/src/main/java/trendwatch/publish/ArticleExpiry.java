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
 * Bounds the articles table, when the user asks for it: an article whose latest version was ingested longer
 * than {@link PublishConfig#forgetArticlesAfter()} before the newest article is deleted from the table without
 * being subtracted from its buckets, so its counts stay and the table holds only the articles of that last stretch
 * of time. The price: a changed or re-labeled version arriving after that is counted as a new article (its earlier
 * version is no longer known). Deleting through the store writes the tombstone to the table's changelog, so a
 * restore forgets the same articles.
 */
final class ArticleExpiry implements Processor<String, ArticleLabels, Void, Void> {

    private static final Duration LONGEST_SWEEP_INTERVAL = Duration.ofMinutes(10);
    private static final Duration SHORTEST_SWEEP_INTERVAL = Duration.ofSeconds(1);

    private final Duration forgetAfter;
    private final Counter forgotten;
    private TimestampedKeyValueStore<String, Contribution> articles;

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
        // stream time (the newest ingest time this task has read), not the wall clock: replaying the topic, as
        // after a reset, forgets what the first run forgot, instead of everything as soon as it is counted. Every
        // tenth of the time, so an article is kept at most 10 % longer than asked and the sweeps (each a scan of
        // this task's part of the table) stay rare.
        context.schedule(sweepInterval(forgetAfter), PunctuationType.STREAM_TIME, this::forgetBefore);
    }

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

    private void forgetBefore(long now) {
        long oldest = now - forgetAfter.toMillis();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<Contribution>> all = articles.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<Contribution>> article = all.next();
                if (article.value.timestamp() < oldest) {
                    expired.add(article.key);
                }
            }
        }
        // deleted after the scan: RocksDB's iterator is not to be written under
        expired.forEach(articles::delete);
        forgotten.increment(expired.size());
    }
}
