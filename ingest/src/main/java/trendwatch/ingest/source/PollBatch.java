package trendwatch.ingest.source;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.ArticleSink;
import trendwatch.model.Article;

/**
 * One poll's articles, handed to the sink without waiting for each: what is handed over while a transaction
 * commits goes in the next one together, so a feed of fifty new items costs a few transactions, not fifty, and
 * the next item's page is fetched while the last one commits.
 */
final class PollBatch {

    private static final Logger LOG = LoggerFactory.getLogger(PollBatch.class);

    private final ArticleSink sink;
    private final String sourceId;
    private final List<CompletableFuture<ArticleSink.Outcome>> writes = new ArrayList<>();

    PollBatch(ArticleSink sink, String sourceId) {
        this.sink = sink;
        this.sourceId = sourceId;
    }

    void add(Article article, String origin, String fingerprint) {
        writes.add(sink.publishIfChangedAsync(article, origin, fingerprint).exceptionally(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            if (cause instanceof RecordTooLargeException) { // this item's fault: the others go on
                LOG.warn("ingest: {}: skipped {}: {}", sourceId, origin, cause.getMessage());
                return ArticleSink.Outcome.UNCHANGED;
            }
            throw error instanceof CompletionException c ? c : new CompletionException(cause);
        }));
    }

    /**
     * Waits until every article handed over is committed or failed, and returns how many were new or changed.
     * Throws the first failure (Kafka's: the poll failed and is tried again) only once all have settled.
     */
    int awaitPublished() {
        CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).handle((ok, error) -> null).join();
        int published = 0;
        for (CompletableFuture<ArticleSink.Outcome> write : writes) {
            ArticleSink.Outcome outcome = ArticleSink.await(write);
            published += outcome == ArticleSink.Outcome.PUBLISHED || outcome == ArticleSink.Outcome.UPDATED ? 1 : 0;
        }
        return published;
    }
}
