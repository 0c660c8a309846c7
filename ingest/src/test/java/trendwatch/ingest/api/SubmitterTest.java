package trendwatch.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.ArticleSink;

/** How long a submission waits for Kafka, and what it answers when Kafka fails it. */
class SubmitterTest {

    private static final Submission ARTICLE = new Submission(null, "Robotaxis", "Waymo expands to Austin.", null,
            null, null, null);
    private static final Submitter PUBLISHING = new Submitter(null, (article, origin) ->
            CompletableFuture.completedFuture(ArticleSink.Outcome.PUBLISHED), Clock.systemUTC(), Duration.ofSeconds(5));

    @Test
    void shouldAnswer503WhenKafkaHasNotConfirmedInTime() {
        Submitter submitter = new Submitter(null, (article, origin) -> new CompletableFuture<>(), Clock.systemUTC(),
                Duration.ofMillis(50));

        assertThatThrownBy(() -> submitter.submit(ARTICLE)).isInstanceOfSatisfying(SubmitException.class, e -> {
            assertThat(e.status()).isEqualTo(503);
            assertThat(e.getMessage()).isEqualTo("Kafka has not confirmed the article within 50 ms; it may still be"
                    + " published; submitting it again is safe");
        });
    }

    @Test
    void shouldPassOnWhatKafkaFailedTheArticleWith() {
        Submitter submitter = new Submitter(null, (article, origin) -> CompletableFuture.failedFuture(
                new KafkaException("batch expired")), Clock.systemUTC(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> submitter.submit(ARTICLE)).isInstanceOf(KafkaException.class)
                .hasMessage("batch expired");
    }

    /** The submit command sends a file's path as its ref: an edited file is the same article. */
    @Test
    void shouldKeepTheIdOfAnArticleWithTheSameRefWhenItsTextChanges() throws Exception {
        String first = PUBLISHING.submit(withRef("file://host/notes/robots.md", "Humanoid robots, draft.")).articleId();
        String edited = PUBLISHING.submit(withRef("file://host/notes/robots.md", "Humanoid robots, final."))
                .articleId();
        String other = PUBLISHING.submit(withRef("file://host/notes/chips.md", "Humanoid robots, final.")).articleId();

        assertThat(edited).isEqualTo(first).hasSize(16);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void shouldTakeTheIdFromTheUrlOverTheRef() throws Exception {
        Submission withUrl = new Submission("https://Example.com/a?utm_source=x", null, "Text.", null, null, null,
                "file://host/a.md");

        assertThat(PUBLISHING.submit(withUrl).articleId())
                .isEqualTo(PUBLISHING.submit(new Submission("https://example.com/a", null, "Other text.", null, null,
                        null, null)).articleId());
    }

    @Test
    void shouldRefuseABlankRef() {
        assertThatThrownBy(() -> PUBLISHING.submit(withRef(" ", "Text."))).isInstanceOfSatisfying(
                SubmitException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("field 'ref' is blank");
                });
    }

    @Test
    void shouldAnswerWithTheOutcomeOnceConfirmed() throws Exception {
        Submitter submitter = new Submitter(null, (article, origin) -> CompletableFuture.completedFuture(
                ArticleSink.Outcome.PUBLISHED), Clock.systemUTC(), Duration.ofSeconds(5));

        assertThat(submitter.submit(ARTICLE).outcome()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
    }

    private static Submission withRef(String ref, String body) {
        return new Submission(null, "Robots", body, null, null, null, ref);
    }
}
