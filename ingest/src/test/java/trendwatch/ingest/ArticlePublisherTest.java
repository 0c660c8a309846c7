package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
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

    @Test
    void shouldRetryACommitThatTimedOutUntilItCompletes() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticlePublisher publisher = new ArticlePublisher(() -> producer);
        producer.commitTimeouts = 2;

        publisher.publish(ARTICLE, SEEN);

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

        assertThatThrownBy(() -> publisher.publish(ARTICLE, SEEN)).hasMessage("batch expired");
        assertThat(producer.transactionAborted()).isTrue();

        producer.commitTransactionException = null;
        publisher.publish(ARTICLE, SEEN);
        assertThat(producer.transactionCommitted()).isTrue();
        assertThat(producer.history()).hasSize(2);
    }

    @Test
    void shouldReportTheSinkUnhealthyFromAFailedPublishUntilOneSucceeds() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticleSink sink = ArticleSink.startingEmpty(new ArticlePublisher(() -> producer));
        producer.commitTransactionException = new KafkaException("batch expired");

        assertThatThrownBy(() -> sink.publishIfChanged(ARTICLE, "a1.md", null)).hasMessage("batch expired");
        assertThat(sink.publishing()).isFalse();

        producer.commitTransactionException = null;
        assertThat(sink.publishIfChanged(ARTICLE, "a1.md", null)).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(sink.publishing()).isTrue();
    }

    /** 3 MiB of control characters, each escaped as six in JSON: 18 MiB, more than a record may be. */
    @Test
    void shouldRefuseAnArticleLargerAsJsonThanARecordWithoutWritingOrTurningUnhealthy() {
        UnreachableProducer producer = new UnreachableProducer();
        ArticleSink sink = ArticleSink.startingEmpty(new ArticlePublisher(() -> producer));
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

        publisher.publish(ARTICLE, SEEN);

        assertThat(first.closed()).isTrue();
        assertThat(first.history()).isEmpty();
        assertThat(second.transactionCommitted()).isTrue();
        assertThat(second.history()).hasSize(2);
    }

    /**
     * Times out like a real producer whose broker is down, and like it insists that a timed-out commit or abort
     * is retried: any other transactional call is refused until then.
     */
    private static final class UnreachableProducer extends MockProducer<String, byte[]> {

        int commitTimeouts;
        int abortTimeouts;
        private String mustRetry;

        UnreachableProducer() {
            super(true, null, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void beginTransaction() {
            refuseUnlessRetrying("beginTransaction");
            super.beginTransaction();
        }

        @Override
        public void commitTransaction() {
            refuseUnlessRetrying("commitTransaction");
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
}
