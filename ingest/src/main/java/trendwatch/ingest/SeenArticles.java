package trendwatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SeenArticle;
import trendwatch.model.Topics;

/**
 * What ingest has published, rebuilt at start from the compacted {@code trend.ingest.seen} topic, so that a
 * restart (or another machine) does not republish unchanged articles. An article handed to the publisher counts
 * as seen at once, and falls back to what was committed before if its transaction fails. At most one version of
 * an article is pending: the sink hands over no other until that one's transaction has ended. What was committed
 * is kept on disk ({@link SeenStore}), one entry per article ever published; what is pending, on the heap.
 */
final class SeenArticles implements AutoCloseable {

    private final SeenStore committed;
    private final Map<String, Pending> pending = new HashMap<>();

    /** Handed to the publisher, not yet committed; {@code written} completes when its transaction ends. */
    private record Pending(SeenArticle article, CompletableFuture<Void> written) {
    }

    private SeenArticles(SeenStore committed) {
        this.committed = committed;
    }

    Optional<SeenArticle> find(String articleId) {
        Pending handedOver = pending.get(articleId);
        return Optional.ofNullable(handedOver != null ? handedOver.article() : committed.get(articleId));
    }

    /**
     * The articles published from the file with id {@code fileId} under other ids whose versions, pending ones
     * first, still say so: one that another source is writing now is that source's.
     */
    List<String> articlesFromFile(String fileId) {
        return committed.articlesFromFile(fileId).stream()
                .filter(id -> find(id).map(article -> fileId.equals(article.fileId())).orElse(false)).toList();
    }

    /** The transaction of the version {@link #find} gives, when that version is not committed yet. */
    Optional<CompletableFuture<Void>> pendingWrite(String articleId) {
        return Optional.ofNullable(pending.get(articleId)).map(Pending::written);
    }

    /** {@code article} was handed to the publisher: what {@link #find} gives until it lands or fails. */
    void handedOver(String articleId, SeenArticle article, CompletableFuture<Void> written) {
        pending.put(articleId, new Pending(article, written));
    }

    /** The pending version of the article was committed. */
    void committed(String articleId, SeenArticle article) {
        committed.put(articleId, article);
        pending.remove(articleId);
    }

    /** The article's withdrawal was committed: ingest no longer remembers it. */
    void forgotten(String articleId) {
        committed.remove(articleId);
        pending.remove(articleId);
    }

    /** The pending version's transaction failed: the committed one (if any) counts again. */
    void failed(String articleId) {
        pending.remove(articleId);
    }

    /** How many articles ingest has committed a memory of. */
    int size() {
        return committed.size();
    }

    @Override
    public void close() {
        committed.close();
    }

    /** A memory of nothing published yet, kept in {@code dir}. */
    static SeenArticles empty(Path dir) {
        return new SeenArticles(SeenStore.openEmpty(dir));
    }

    /** What ingest committed before, read from its topic into {@code dir}. */
    static SeenArticles load(KafkaConnection kafka, Duration timeout, Path dir) {
        SeenStore store = SeenStore.openEmpty(dir);
        try {
            TopicSnapshot.replay(kafka, Topics.INGEST_SEEN, timeout, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new SeenArticles(store);
    }
}
