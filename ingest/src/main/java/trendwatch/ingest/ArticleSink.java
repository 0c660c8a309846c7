package trendwatch.ingest;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.common.errors.RecordTooLargeException;
import trendwatch.model.Article;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SeenArticle;

/**
 * Where every source hands its articles: publishes those that are new or changed, in one transaction with
 * ingest's memory of them, and drops those that are unchanged. Thread-safe: sources run on several threads.
 */
public final class ArticleSink implements AutoCloseable {

    /** What became of an article handed to the sink. */
    public enum Outcome { PUBLISHED, UPDATED, UNCHANGED }

    private final SeenArticles seen;
    private final ArticlePublisher publisher;
    /** False from a failed publish until the next one succeeds: what ingest's health reports. */
    private volatile boolean publishing = true;

    private ArticleSink(SeenArticles seen, ArticlePublisher publisher) {
        this.seen = seen;
        this.publisher = publisher;
    }

    /** Loads what was published before, then opens the transactional producer. */
    public static ArticleSink open(KafkaConnection kafka, String transactionalId) {
        SeenArticles seen = SeenArticles.load(kafka, Duration.ofSeconds(60));
        return new ArticleSink(seen, new ArticlePublisher(kafka, transactionalId));
    }

    /** A sink that has published nothing yet, writing through {@code publisher}. */
    static ArticleSink startingEmpty(ArticlePublisher publisher) {
        return new ArticleSink(SeenArticles.empty(), publisher);
    }

    public synchronized Optional<SeenArticle> find(String articleId) {
        return seen.find(articleId);
    }

    public synchronized int size() {
        return seen.size();
    }

    /**
     * Publishes {@code article} unless it was published before with the same content. A changed article keeps
     * the fetch time it was first seen with, so it stays in its time bucket and replaces its old counts.
     */
    public synchronized Outcome publishIfChanged(Article article, String origin, String fingerprint) {
        SeenArticle before = seen.find(article.id()).orElse(null);
        if (before != null && before.contentHash().equals(article.contentHash())) {
            if (fingerprint != null && !fingerprint.equals(before.fingerprint())) {
                remember(article.id(), new SeenArticle(before.contentHash(), before.firstSeenAt(), origin, fingerprint));
            }
            return Outcome.UNCHANGED;
        }
        Article toPublish = before == null ? article : article.withFetchedAt(before.firstSeenAt());
        SeenArticle now = new SeenArticle(article.contentHash(), toPublish.fetchedAt(), origin, fingerprint);
        publishing(() -> publisher.publish(toPublish, now));
        seen.remember(article.id(), now);
        return before == null ? Outcome.PUBLISHED : Outcome.UPDATED;
    }

    /** Whether the last attempt to write to Kafka succeeded. */
    public boolean publishing() {
        return publishing;
    }

    private void remember(String articleId, SeenArticle state) {
        publishing(() -> publisher.remember(articleId, state));
        seen.remember(articleId, state);
    }

    private void publishing(Runnable write) {
        try {
            write.run();
            publishing = true;
        } catch (RecordTooLargeException e) {
            throw e; // the article's fault, not Kafka's: health unchanged
        } catch (RuntimeException e) {
            publishing = false;
            throw e;
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
