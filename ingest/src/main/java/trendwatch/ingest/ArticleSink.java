package trendwatch.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.RecordTooLargeException;
import trendwatch.model.Article;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SeenArticle;

/**
 * Where every source hands its articles: publishes those that are new or changed, in one transaction with
 * ingest's memory of them, and drops those that are unchanged. Thread-safe: sources run on several threads, and
 * what they hand over while a transaction commits goes together in the next one.
 */
public final class ArticleSink implements AutoCloseable {

    /**
     * What became of an article handed to the sink. {@code WITHDRAWN}: not published, as a user withdrew it; only a
     * submission ({@link #publishSubmittedAsync}) counts it again.
     */
    public enum Outcome { PUBLISHED, UPDATED, UNCHANGED, WITHDRAWN }

    /** What became of a user's withdrawal. */
    public enum Withdrawal { WITHDRAWN, ALREADY_WITHDRAWN, UNKNOWN }

    private final SeenArticles seen;
    private final ArticlePublisher publisher;
    /** False from a failed publish until the next one succeeds: what ingest's health reports. */
    private volatile boolean publishing = true;

    private ArticleSink(SeenArticles seen, ArticlePublisher publisher) {
        this.seen = seen;
        this.publisher = publisher;
    }

    /**
     * Loads what was published before into {@code seenDir} (emptied first; one process's own), then opens the
     * transactional producer.
     */
    public static ArticleSink open(KafkaConnection kafka, String transactionalId, Path seenDir) {
        SeenArticles seen = SeenArticles.load(kafka, Duration.ofSeconds(60), seenDir);
        try {
            return new ArticleSink(seen, new ArticlePublisher(kafka, transactionalId));
        } catch (RuntimeException e) {
            seen.close();
            throw e;
        }
    }

    /** A sink that has published nothing yet, writing through {@code publisher}, remembering in {@code seenDir}. */
    static ArticleSink startingEmpty(ArticlePublisher publisher, Path seenDir) {
        return new ArticleSink(SeenArticles.empty(seenDir), publisher);
    }

    public synchronized Optional<SeenArticle> find(String articleId) {
        return seen.find(articleId);
    }

    /**
     * Withdraws what was published from the file with id {@code fileId} (its path's) under ids other than
     * {@code currentId}: the file's own id, once its sidecar's URL makes the id (or from a version of ingest before
     * URLs did), and URLs its sidecar gave before, as long as no other source has written those articles since.
     * Found and withdrawn under one lock, so that an article another source hands over meanwhile is not taken.
     * When a user withdrew the file's article under an earlier id, {@code currentId} (if ingest knows nothing of it)
     * is remembered as withdrawn too, publishing nothing: the file does not count again under its new id.
     * Completes with the ids withdrawn.
     */
    public synchronized CompletableFuture<List<String>> withdrawFromFile(String fileId, String currentId) {
        List<String> earlier = Stream.concat(Stream.of(fileId), seen.articlesFromFile(fileId).stream())
                .filter(id -> !id.equals(currentId)).distinct().toList();
        List<String> counting = earlier.stream().filter(this::counts).toList();
        List<CompletableFuture<?>> writes = new ArrayList<>(counting.stream().map(this::withdrawAsync).toList());
        carryWithdrawal(fileId, currentId, earlier).ifPresent(writes::add);
        return CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new)).thenApply(done -> counting);
    }

    /** Remembers {@code currentId} as withdrawn when a user withdrew one of the file's {@code earlier} ids. */
    private Optional<CompletableFuture<Void>> carryWithdrawal(String fileId, String currentId, List<String> earlier) {
        return earlier.stream().map(seen::find).flatMap(Optional::stream).filter(SeenArticle::wasWithdrawn)
                .findFirst().filter(withdrawn -> seen.find(currentId).isEmpty()) // known: its own memory decides
                .map(withdrawn -> {
                    SeenArticle carried = new SeenArticle(withdrawn.contentHash(), withdrawn.firstSeenAt(),
                            withdrawn.origin(), null, currentId.equals(fileId) ? null : fileId,
                            withdrawn.publishedAt(), withdrawn.withdrawnAt());
                    CompletableFuture<Void> written = publisher.remember(currentId, carried,
                            landing(currentId, carried));
                    if (!written.isDone()) {
                        seen.handedOver(currentId, carried, written);
                    }
                    return written;
                });
    }

    public synchronized int size() {
        return seen.size();
    }

    /**
     * Publishes {@code article} unless it was published before with the same content, and returns once it is
     * committed. A changed article keeps the fetch time it was first seen with, so it stays in its time bucket and
     * replaces its old counts. Throws what {@link #publishIfChangedAsync} fails with.
     */
    public Outcome publishIfChanged(Article article, String origin, String fingerprint) {
        return await(publishIfChangedAsync(article, origin, fingerprint));
    }

    /** Waits for a write handed over with {@link #publishIfChangedAsync}; throws what it failed with. */
    public static Outcome await(CompletableFuture<Outcome> write) {
        try {
            return write.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * As {@link #publishIfChanged}, without waiting: articles handed over while a transaction commits go together
     * in the next one. The future fails with {@link RecordTooLargeException} when the article is too large for a
     * record (nothing written), and with a {@link org.apache.kafka.common.KafkaException} when its transaction
     * was aborted (the caller may try again).
     */
    public CompletableFuture<Outcome> publishIfChangedAsync(Article article, String origin, String fingerprint) {
        return publishIfChangedAsync(article, origin, fingerprint, null);
    }

    /**
     * As {@link #publishIfChangedAsync(Article, String, String)}, for an article read from a file but known by
     * another id (its sidecar's URL): {@code fileId} is the id the file has without it, remembered so that
     * {@link #articleFromFile} finds the article when that URL changes.
     */
    public CompletableFuture<Outcome> publishIfChangedAsync(Article article, String origin, String fingerprint,
                                                            String fileId) {
        return publishIfChangedAsync(article, origin, fingerprint, fileId, false);
    }

    /**
     * As {@link #publishIfChangedAsync(Article, String, String)}, for an article a user submitted: one they
     * withdrew before counts again (a source's copy of it does not).
     */
    public CompletableFuture<Outcome> publishSubmittedAsync(Article article, String origin) {
        return publishIfChangedAsync(article, origin, null, null, true);
    }

    private CompletableFuture<Outcome> publishIfChangedAsync(Article article, String origin, String fingerprint,
                                                             String fileId, boolean submitted) {
        String id = article.id();
        SeenArticle now;
        Outcome outcome;
        CompletableFuture<Void> written;
        synchronized (this) {
            Optional<CompletableFuture<Void>> pending = seen.pendingWrite(id);
            if (pending.isPresent()) {
                // decided once the version being committed has landed or failed: an update built on a version
                // that then failed would be lost (a new fingerprint remembered for an article never published)
                return pending.get().handle((ok, error) -> null)
                        .thenCompose(settled -> publishIfChangedAsync(article, origin, fingerprint, fileId, submitted));
            }
            SeenArticle before = seen.find(id).orElse(null);
            if (before != null && before.wasWithdrawn()) {
                if (!submitted) {
                    return CompletableFuture.completedFuture(Outcome.WITHDRAWN);
                }
                before = null; // counted again as a new article, from now
            }
            if (before != null && before.contentHash().equals(article.contentHash())) {
                // a file's article published by a version of ingest that did not remember the file: claimed now,
                // so that a later change of its sidecar's URL withdraws it (a feed's article stays the feed's)
                boolean claimsFile = fileId != null && before.fingerprint() == null && !fileId.equals(before.fileId());
                if (!claimsFile && (fingerprint == null || fingerprint.equals(before.fingerprint()))) {
                    return CompletableFuture.completedFuture(Outcome.UNCHANGED);
                }
                now = new SeenArticle(before.contentHash(), before.firstSeenAt(), origin, fingerprint, fileId,
                        before.publishedAt());
                outcome = Outcome.UNCHANGED;
                written = publisher.remember(id, now, landing(id, now));
            } else {
                Article toPublish = before == null ? article : article.withFetchedAt(before.firstSeenAt());
                now = new SeenArticle(article.contentHash(), toPublish.fetchedAt(), origin, fingerprint, fileId,
                        toPublish.publishedAt());
                outcome = before == null ? Outcome.PUBLISHED : Outcome.UPDATED;
                try {
                    written = publisher.publish(toPublish, now, landing(id, now));
                } catch (RecordTooLargeException e) {
                    return CompletableFuture.failedFuture(e); // the article's fault, not Kafka's: health unchanged
                }
            }
            if (!written.isDone()) { // failed at once (ingest closing, or too much waiting): nothing pending
                seen.handedOver(id, now, written);
            }
        }
        return tracked(written, outcome);
    }

    /**
     * Withdraws an article at a user's request: its counts go, and ingest remembers it as withdrawn, so that its
     * sources do not publish it again (see {@link Outcome#WITHDRAWN}). Fails as {@link #publishIfChangedAsync}
     * does when its transaction fails.
     */
    public CompletableFuture<Withdrawal> withdrawAsUser(String articleId, Instant at) {
        SeenArticle withdrawn;
        CompletableFuture<Void> written;
        synchronized (this) {
            Optional<CompletableFuture<Void>> pending = seen.pendingWrite(articleId);
            if (pending.isPresent()) { // as publishing does: decided on the version that lands
                return pending.get().handle((ok, error) -> null)
                        .thenCompose(settled -> withdrawAsUser(articleId, at));
            }
            SeenArticle before = seen.find(articleId).orElse(null);
            if (before == null || before.wasWithdrawn()) {
                return CompletableFuture.completedFuture(before == null ? Withdrawal.UNKNOWN
                        : Withdrawal.ALREADY_WITHDRAWN);
            }
            withdrawn = before.withdrawn(at);
            written = publisher.withdraw(articleId, withdrawn, landing(articleId, withdrawn));
            if (!written.isDone()) {
                seen.handedOver(articleId, withdrawn, written);
            }
        }
        return tracked(written, Withdrawal.WITHDRAWN);
    }

    /** {@code result} once the write lands; ingest's health follows every write to Kafka, publish or withdrawal. */
    private <T> CompletableFuture<T> tracked(CompletableFuture<Void> written, T result) {
        return written.handle((ok, error) -> {
            publishing = error == null;
            if (error != null) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            return result;
        });
    }

    /**
     * Withdraws an article published before under an id that no source gives any more: its counts go, and ingest
     * forgets it. Completes with false, writing nothing, for an id ingest does not remember or a user withdrew
     * already; fails as {@link #publishIfChangedAsync} does when its transaction fails.
     */
    private CompletableFuture<Boolean> withdrawAsync(String articleId) {
        if (!counts(articleId)) {
            return CompletableFuture.completedFuture(false);
        }
        return publisher.withdraw(articleId, new ArticlePublisher.Landing() {
            @Override
            public void committed() {
                synchronized (ArticleSink.this) {
                    seen.forgotten(articleId);
                }
            }

            @Override
            public void failed() {
                // still remembered: the next scan withdraws it again
            }
        }).thenApply(committed -> true);
    }

    /** Whether the article is remembered as published and not withdrawn by a user. */
    private boolean counts(String articleId) {
        return seen.find(articleId).filter(article -> !article.wasWithdrawn()).isPresent();
    }

    /** Applied by the publisher before the write's future completes, so whoever waits on it sees it applied. */
    private ArticlePublisher.Landing landing(String articleId, SeenArticle article) {
        return new ArticlePublisher.Landing() {
            @Override
            public void committed() {
                synchronized (ArticleSink.this) {
                    seen.committed(articleId, article);
                }
            }

            @Override
            public void failed() {
                synchronized (ArticleSink.this) {
                    seen.failed(articleId);
                }
            }
        };
    }

    /** How many transactions were committed: fewer than the articles when several came at once. */
    public long transactions() {
        return publisher.transactions();
    }

    /** Whether the last attempt to write to Kafka succeeded, and the one under way is not stuck. */
    public boolean publishing() {
        return publishing && !publisher.stalled();
    }

    @Override
    public void close() {
        publisher.close();
        synchronized (this) {
            seen.close();
        }
    }
}
