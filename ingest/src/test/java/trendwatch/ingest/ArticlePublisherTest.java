package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Article;
import trendwatch.model.SeenArticle;
import trendwatch.model.SourceRef;
import trendwatch.model.Topics;

/**
 * The publisher's transaction handling when Kafka is unreachable. FaultToleranceIT covers the same with a real
 * broker, but whether its outage catches a commit in flight depends on timing; here it always does.
 */
class ArticlePublisherTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private static final Article ARTICLE = Articles.of("a1", new SourceRef("folder", "inbox", null), null, "Title",
            null, null, null, null, NOW, "SpaceX launched a reusable rocket.");
    private static final SeenArticle SEEN = new SeenArticle(ARTICLE.contentHash(), NOW, "a1.md", null);
    private static final ArticlePublisher.Landing NOTHING = onCommit(() -> { });

    @TempDir
    Path dir;
    private final List<ArticleSink> sinks = new ArrayList<>();

    @AfterEach
    void closeSinks() {
        sinks.forEach(ArticleSink::close);
    }

    @Test
    void shouldRetryACommitThatTimedOutUntilItCompletes() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        producer.commitTimeouts = 2;

        publish(publisher);

        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.transactionAborted()).isFalse();
        assertThat(producer.history()).extracting(r -> r.topic())
                .containsExactly(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name());
    }

    @Test
    void shouldRetryAnAbortThatTimedOutSoTheNextArticleCanBePublished() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        producer.commitTransactionException = new KafkaException("batch expired");
        producer.abortTimeouts = 1;

        assertThatThrownBy(() -> publish(publisher)).hasMessage("batch expired");
        assertThat(producer.transactionAborted()).isTrue();

        producer.commitTransactionException = null;
        publish(publisher);
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void shouldReportTheSinkUnhealthyFromAFailedPublishUntilOneSucceeds() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticleSink sink = sink(new ArticlePublisher(() -> producer));
        producer.commitTransactionException = new KafkaException("batch expired");

        assertThatThrownBy(() -> sink.publishIfChanged(ARTICLE, "a1.md", null)).hasMessage("batch expired");
        assertThat(sink.publishing()).isFalse();

        producer.commitTransactionException = null;
        assertThat(sink.publishIfChanged(ARTICLE, "a1.md", null)).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(sink.publishing()).isTrue();
    }

    /** A withdrawal's write is one to Kafka like a publish: its failure and its success tell the health check. */
    @Test
    void shouldReportTheSinkUnhealthyFromAFailedWithdrawalUntilAWriteSucceeds() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticleSink sink = sink(new ArticlePublisher(() -> producer));
        sink.publishIfChanged(ARTICLE, "a1.md", null);
        producer.commitTransactionException = new KafkaException("batch expired");

        assertThatThrownBy(() -> sink.withdrawAsUser("a1", NOW).join()).hasRootCauseMessage("batch expired");
        assertThat(sink.publishing()).isFalse();

        producer.commitTransactionException = null;
        assertThat(sink.withdrawAsUser("a1", NOW).join()).isEqualTo(ArticleSink.Withdrawal.WITHDRAWN);
        assertThat(sink.publishing()).isTrue();
    }

    /** A withdrawal asked for while the article's first version commits is decided once that version lands. */
    @Test
    void shouldWithdrawAnArticleWhoseFirstCommitLandsMeanwhileAndKeepItsSourcesOut() {
        HeldCommit held = heldCommitOf(ARTICLE);
        UnreachableProducer producer = held.producer();
        ArticleSink sink = held.sink();

        CompletableFuture<ArticleSink.Withdrawal> withdrawal = sink.withdrawAsUser("a1", NOW);
        assertThat(withdrawal).isNotDone();
        producer.releaseCommits();

        assertThat(withdrawal.join()).isEqualTo(ArticleSink.Withdrawal.WITHDRAWN);
        assertThat(held.first().join()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(sink.publishIfChanged(ARTICLE, "feed", "fp")).isEqualTo(ArticleSink.Outcome.WITHDRAWN);
        assertThat(producer.history()).extracting(r -> r.topic() + (r.value() == null ? " tombstone" : ""))
                .containsExactly(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name(),
                        Topics.ARTICLES_RAW.name() + " tombstone", Topics.INGEST_SEEN.name());
    }

    /** 3 MiB of control characters, each escaped as six in JSON: 18 MiB, more than a record may be. */
    @Test
    void shouldRefuseAnArticleLargerAsJsonThanARecordWithoutWritingOrTurningUnhealthy() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticleSink sink = sink(new ArticlePublisher(() -> producer));
        Article controlCharacters = Articles.of("a2", new SourceRef("folder", "inbox", null), null, "Noise", null,
                null, "en", null, NOW, "\u0001".repeat(3 * 1024 * 1024));

        assertThatThrownBy(() -> sink.publishIfChanged(controlCharacters, "noise.txt", null))
                .isInstanceOf(RecordTooLargeException.class).hasMessageContaining("bytes as JSON, more than the");

        assertThat(producer.history()).isEmpty();
        assertThat(sink.publishing()).isTrue();
        assertThat(sink.find("a2")).isEmpty();
    }

    @Test
    void shouldPublishThroughANewProducerOnceTheOldOneWasFenced() {
        Deque<UnreachableProducer> producers = new ArrayDeque<>(List.of(new UnreachableProducer(),
                new UnreachableProducer()));
        UnreachableProducer first = producers.peekFirst();
        UnreachableProducer second = producers.peekLast();
        ArticlePublisher publisher = new ArticlePublisher(producers::removeFirst);
        first.fenceProducer();

        publish(publisher);

        assertThat(first.closed()).isTrue();
        assertThat(first.history()).isEmpty();
        assertThat(second.transactionCommitted()).isTrue();
        assertThat(second.history()).hasSize(2);
    }

    @Test
    void shouldCommitWhatIsHandedOverDuringACommitInOneTransaction() throws Exception {
        UnreachableProducer producer = new UnreachableProducer();
        producer.holdCommits();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        List<String> committed = new CopyOnWriteArrayList<>();

        CompletableFuture<Void> first = publisher.publish(article("a1"), SEEN, onCommit(() -> committed.add("a1")));
        producer.awaitCommitStarted();
        List<CompletableFuture<Void>> during = List.of(
                publisher.publish(article("a2"), SEEN, onCommit(() -> committed.add("a2"))),
                publisher.publish(article("a3"), SEEN, onCommit(() -> committed.add("a3"))),
                publisher.remember("a4", SEEN, onCommit(() -> committed.add("a4"))));
        producer.releaseCommits();

        CompletableFuture.allOf(during.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertThat(first).isCompleted();
        assertThat(publisher.transactions()).isEqualTo(2);
        assertThat(committed).containsExactly("a1", "a2", "a3", "a4");
        assertThat(producer.history()).hasSize(7);
    }

    @Test
    void shouldFailEveryArticleOfAbortedTransactionsAndPublishThemWhenHandedOverAgain() {
        HeldCommit held = heldCommitOf(article("a1"));
        UnreachableProducer producer = held.producer();
        ArticleSink sink = held.sink();
        CompletableFuture<ArticleSink.Outcome> first = held.first();
        producer.commitTransactionException = new KafkaException("batch expired");
        CompletableFuture<ArticleSink.Outcome> second = sink.publishIfChangedAsync(article("a2"), "a2.md", null);
        CompletableFuture<ArticleSink.Outcome> third = sink.publishIfChangedAsync(article("a3"), "a3.md", null);
        producer.releaseCommits();

        for (CompletableFuture<ArticleSink.Outcome> each : List.of(first, second, third)) {
            assertThatThrownBy(each::join).hasRootCauseMessage("batch expired");
        }
        assertThat(List.of("a1", "a2", "a3")).allSatisfy(id -> assertThat(sink.find(id)).isEmpty());
        assertThat(sink.publishing()).isFalse();

        producer.commitTransactionException = null;
        assertThat(sink.publishIfChanged(article("a2"), "a2.md", null)).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(sink.publishIfChanged(article("a3"), "a3.md", null)).isEqualTo(ArticleSink.Outcome.PUBLISHED);
    }

    @Test
    void shouldAnswerACopyHandedOverWhileTheFirstCommitsOnceThatCommitLands() {
        HeldCommit held = heldCommitOf(ARTICLE);
        UnreachableProducer producer = held.producer();
        ArticleSink sink = held.sink();
        CompletableFuture<ArticleSink.Outcome> first = held.first();

        CompletableFuture<ArticleSink.Outcome> copy = sink.publishIfChangedAsync(ARTICLE, "copy/a1.md", null);
        assertThat(copy).isNotDone();
        producer.releaseCommits();

        assertThat(copy.join()).isEqualTo(ArticleSink.Outcome.UNCHANGED);
        assertThat(first.join()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void shouldPublishACopyHandedOverWhileTheFirstCommitsItselfWhenThatCommitFails() {
        HeldCommit held = heldCommitOf(ARTICLE);
        UnreachableProducer producer = held.producer();
        ArticleSink sink = held.sink();
        CompletableFuture<ArticleSink.Outcome> first = held.first();
        producer.failedCommits = 1;

        CompletableFuture<ArticleSink.Outcome> copy = sink.publishIfChangedAsync(ARTICLE, "copy/a1.md", null);
        producer.releaseCommits();

        assertThatThrownBy(first::join).hasRootCauseMessage("batch expired");
        assertThat(copy.join()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(producer.history()).hasSize(2);
    }

    /** A feed finds an article a folder has just handed over; the folder's commit fails. */
    @Test
    void shouldNotLoseAnArticleWhoseFingerprintChangedWhileItsFirstCommitFailed() {
        HeldCommit held = heldCommitOf(ARTICLE);
        UnreachableProducer producer = held.producer();
        ArticleSink sink = held.sink();
        CompletableFuture<ArticleSink.Outcome> fromFolder = held.first();
        producer.failedCommits = 1;

        CompletableFuture<ArticleSink.Outcome> fromFeed = sink.publishIfChangedAsync(ARTICLE, "feed", "etag-1");
        producer.releaseCommits();

        assertThatThrownBy(fromFolder::join).hasRootCauseMessage("batch expired");
        assertThat(fromFeed.join()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(producer.history()).extracting(r -> r.topic())
                .containsExactly(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name());
        assertThat(sink.find("a1")).map(SeenArticle::fingerprint).contains("etag-1");
    }

    @Test
    void shouldFailTheWritesOfATransactionThatMetAnErrorAndGoOn() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        producer.commitError = new AssertionError("the JVM ran out of something");

        assertThatThrownBy(() -> publisher.publish(ARTICLE, SEEN, NOTHING).get(10, TimeUnit.SECONDS))
                .hasRootCauseMessage("the JVM ran out of something");

        producer.commitError = null;
        publish(publisher);
        assertThat(producer.transactionCommitted()).isTrue();
    }

    /** With Kafka down a commit is retried, not failed: the sink reports itself unhealthy while it waits. */
    @Test
    void shouldReportTheSinkUnhealthyWhileACommitIsStuck() {
        UnreachableProducer producer = new UnreachableProducer();
        producer.holdCommits();
        // 2 s: the first check below comes milliseconds after the commit starts, even on a loaded machine
        ArticleSink sink = sink(new ArticlePublisher(() -> producer, Duration.ofSeconds(2)));
        CompletableFuture<ArticleSink.Outcome> stuck = sink.publishIfChangedAsync(ARTICLE, "a1.md", null);
        producer.awaitCommitStarted();
        assertThat(sink.publishing()).isTrue();

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sink.publishing());

        producer.releaseCommits();
        assertThat(stuck.join()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(sink.publishing()).isTrue();
    }

    /** With Kafka down nothing leaves the queue; it must not take all memory meanwhile. */
    @Test
    void shouldRefuseWritesOnceTooMuchIsWaitingForKafka() {
        UnreachableProducer producer = new UnreachableProducer();
        producer.holdCommits();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        publisher.publish(article("a0"), SEEN, NOTHING);
        producer.awaitCommitStarted();
        String tenMegabytes = "x".repeat(10 * 1024 * 1024);
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            waiting.add(publisher.publish(Articles.of("big" + i, ARTICLE.source(), null, "Big", null, null, "en", null,
                    NOW, tenMegabytes), SEEN, NOTHING));
        }

        assertThat(waiting.subList(0, 6)).noneMatch(CompletableFuture::isDone);
        assertThatThrownBy(waiting.get(6)::join).hasRootCauseMessage(
                "ingest has 60 MiB waiting for Kafka already (Kafka is slow or down); not published");
        producer.releaseCommits();
        CompletableFuture.allOf(waiting.subList(0, 6).toArray(CompletableFuture[]::new)).join();
    }

    @Test
    void shouldFallBackToTheCommittedVersionWhenALaterOneFails() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticleSink sink = sink(new ArticlePublisher(() -> producer));
        sink.publishIfChanged(ARTICLE, "a1.md", null);
        Article changed = Articles.of("a1", ARTICLE.source(), null, "Title", null, null, null, null,
                NOW.plusSeconds(60), "SpaceX launched two reusable rockets.");
        producer.commitTransactionException = new KafkaException("batch expired");

        assertThatThrownBy(() -> sink.publishIfChanged(changed, "a1.md", null)).hasMessage("batch expired");

        assertThat(sink.find("a1")).map(SeenArticle::contentHash).contains(ARTICLE.contentHash());
        producer.commitTransactionException = null;
        assertThat(sink.publishIfChanged(changed, "a1.md", null)).isEqualTo(ArticleSink.Outcome.UPDATED);
    }

    @Test
    void shouldFailWhatIsStillWaitingWhenClosed() {
        UnreachableProducer producer = new UnreachableProducer();
        producer.holdCommits();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        CompletableFuture<Void> committing = publisher.publish(article("a1"), SEEN, NOTHING);
        producer.awaitCommitStarted();
        CompletableFuture<Void> waiting = publisher.publish(article("a2"), SEEN, NOTHING);

        CompletableFuture.runAsync(publisher::close);

        assertThatThrownBy(() -> waiting.get(30, TimeUnit.SECONDS)).hasRootCauseMessage(
                "ingest is shutting down; not published");
        assertThatThrownBy(() -> committing.get(30, TimeUnit.SECONDS)).hasRootCauseMessage(
                "ingest is shutting down; not published");
        producer.releaseCommits();
    }

    /** A sink whose first article (from {@code <id>.md}) is in a commit held until {@code releaseCommits}. */
    private HeldCommit heldCommitOf(Article first) {
        UnreachableProducer producer = new UnreachableProducer();
        producer.holdCommits();
        ArticleSink sink = sink(new ArticlePublisher(() -> producer));
        CompletableFuture<ArticleSink.Outcome> handedOver = sink.publishIfChangedAsync(first, first.id() + ".md", null);
        producer.awaitCommitStarted();
        return new HeldCommit(producer, sink, handedOver);
    }

    private record HeldCommit(UnreachableProducer producer, ArticleSink sink,
                              CompletableFuture<ArticleSink.Outcome> first) {
    }

    private static ArticlePublisher.Landing onCommit(Runnable committed) {
        return new ArticlePublisher.Landing() {
            @Override
            public void committed() {
                committed.run();
            }

            @Override
            public void failed() {
            }
        };
    }

    private static Article article(String id) {
        return Articles.of(id, new SourceRef("folder", "inbox", null), null, "Title " + id, null, null, null, null,
                NOW, "SpaceX launched reusable rocket number " + id + ".");
    }

    private static void publish(ArticlePublisher publisher) {
        try {
            publisher.publish(ARTICLE, SEEN, NOTHING).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    /**
     * Times out like a real producer whose broker is down, and like it insists that a timed-out commit or abort
     * is retried: any other transactional call is refused until then.
     */
    private static final class UnreachableProducer extends MockProducer<String, byte[]> {

        int commitTimeouts;
        int abortTimeouts;
        /** How many of the next commits fail as a batch that expired would. */
        volatile int failedCommits;
        volatile Error commitError;
        private String mustRetry;
        private final CountDownLatch commitStarted = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(0);

        UnreachableProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void beginTransaction() {
            refuseUnlessRetrying("beginTransaction");
            super.beginTransaction();
        }

        /** From now on each commit waits until {@link #releaseCommits}. */
        void holdCommits() {
            release = new CountDownLatch(1);
        }

        void awaitCommitStarted() {
            try {
                assertThat(commitStarted.await(10, TimeUnit.SECONDS)).as("a commit started").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }

        void releaseCommits() {
            release.countDown();
        }

        @Override
        public void commitTransaction() {
            commitStarted.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            refuseUnlessRetrying("commitTransaction");
            if (commitError != null) {
                throw commitError;
            }
            if (failedCommits > 0) {
                failedCommits--;
                throw new KafkaException("batch expired");
            }
            if (commitTimeouts > 0) {
                commitTimeouts--;
                mustRetry = "commitTransaction";
                throw new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(true)");
            }
            mustRetry = null;
            super.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            refuseUnlessRetrying("abortTransaction");
            if (abortTimeouts > 0) {
                abortTimeouts--;
                mustRetry = "abortTransaction";
                throw new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(false)");
            }
            mustRetry = null;
            super.abortTransaction();
        }

        private void refuseUnlessRetrying(String operation) {
            if (mustRetry != null && !mustRetry.equals(operation)) {
                throw new IllegalStateException("Cannot attempt operation `" + operation + "` because the previous"
                        + " call to `" + mustRetry + "` timed out and must be retried");
            }
        }
    }

    /** A sink remembering nothing yet, in a folder of its own, closed after the test. */
    private ArticleSink sink(ArticlePublisher publisher) {
        ArticleSink sink = ArticleSink.startingEmpty(publisher, dir.resolve("seen-" + sinks.size()));
        sinks.add(sink);
        return sink;
    }
}
