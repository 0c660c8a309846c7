package trendwatch.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SeenArticle;
import trendwatch.model.Topics;

/**
 * What ingest has published, rebuilt at start from the compacted {@code trend.ingest.seen} topic, so that a
 * restart (or another machine) does not republish unchanged articles. An article handed to the publisher counts
 * as seen at once (so that a second copy arriving before the commit is not published again), and falls back to
 * what was committed before if its transaction fails.
 */
final class SeenArticles {

    private final Map<String, SeenArticle> committed;
    private final Map<String, Pending> pending = new HashMap<>();

    /** Handed to the publisher, not yet committed; {@code written} completes when its transaction ends. */
    private record Pending(SeenArticle article, CompletableFuture<Void> written) {
    }

    private SeenArticles(Map<String, SeenArticle> committed) {
        this.committed = committed;
    }

    Optional<SeenArticle> find(String articleId) {
        Pending handedOver = pending.get(articleId);
        return Optional.ofNullable(handedOver != null ? handedOver.article() : committed.get(articleId));
    }

    /** The transaction of the version {@link #find} gives, when that version is not committed yet. */
    Optional<CompletableFuture<Void>> pendingWrite(String articleId) {
        return Optional.ofNullable(pending.get(articleId)).map(Pending::written);
    }

    /** {@code article} was handed to the publisher: what {@link #find} gives until it lands or fails. */
    void handedOver(String articleId, SeenArticle article, CompletableFuture<Void> written) {
        pending.put(articleId, new Pending(article, written));
    }

    /** Called in the order of the commits, so a later version committed is never overwritten by an earlier one. */
    void committed(String articleId, SeenArticle article) {
        committed.put(articleId, article);
        forget(articleId, article);
    }

    /** Its transaction failed: unless a later version was handed over since, the committed one counts again. */
    void failed(String articleId, SeenArticle article) {
        forget(articleId, article);
    }

    private void forget(String articleId, SeenArticle article) {
        Pending handedOver = pending.get(articleId);
        if (handedOver != null && handedOver.article() == article) {
            pending.remove(articleId);
        }
    }

    /** How many articles ingest has committed a memory of. */
    int size() {
        return committed.size();
    }

    static SeenArticles empty() {
        return new SeenArticles(new HashMap<>());
    }

    static SeenArticles load(KafkaConnection kafka, Duration timeout) {
        return new SeenArticles(new HashMap<>(TopicSnapshot.read(kafka, Topics.INGEST_SEEN, timeout)));
    }
}
