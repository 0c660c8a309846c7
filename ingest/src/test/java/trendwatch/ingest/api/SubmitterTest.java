package trendwatch.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.Paragraphs;

/** How long a submission waits for Kafka, and what it answers when Kafka fails it. */
class SubmitterTest {

    private static final Submission ARTICLE = new Submission(null, "Robotaxis", "Waymo expands to Austin.", null,
            null, null, null);
    private static final Submitter PUBLISHING = new Submitter(null, (article, origin) ->
            CompletableFuture.completedFuture(ArticleSink.Outcome.PUBLISHED), Clock.systemUTC(), Duration.ofSeconds(5));

    /** A paragraph classify would send to the dead-letter topic: refused, and nothing handed to Kafka. */
    @Test
    void shouldRefuseAParagraphLongerThanClassifyTakes() {
        String paragraph = "SpaceX launched another Starlink batch. " + "x".repeat(Paragraphs.MAX_CHARS);
        Submitter submitter = new Submitter(null, (article, origin) -> {
            throw new AssertionError("handed to Kafka: " + article.id());
        }, Clock.systemUTC(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> submitter.submit(withRef("long", paragraph)))
                .isInstanceOfSatisfying(SubmitException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("paragraph 0 has " + paragraph.length() + " characters, more than the "
                        + Paragraphs.MAX_CHARS + " a paragraph may have");
    }

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

    /** The contract: a field the article does not have is null; the page's URL is in {@code url} already. */
    @Test
    void shouldLeaveTheTitleOfAFetchedPageWithoutOneNull() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/untitled", exchange -> {
            byte[] page = ("<html><body><article><p>Unitree ships humanoid robots to car factories, and Figure"
                    + " follows with its own.</p></article></body></html>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        List<Article> published = new CopyOnWriteArrayList<>();
        // private networks allowed, so that the test's loopback server may stand in for a public site
        try (Fetcher fetcher = new Fetcher(FetchPolicy.defaults().withAllowPrivateNetworks(true)
                .withObeyRobots(false))) {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/untitled";
            new Submitter(fetcher, (article, origin) -> {
                published.add(article);
                return CompletableFuture.completedFuture(ArticleSink.Outcome.PUBLISHED);
            }, Clock.systemUTC(), Duration.ofSeconds(5)).submit(new Submission(url, null, null, null, null, null,
                    null));

            assertThat(published).singleElement().satisfies(article -> {
                assertThat(article.title()).isNull();
                assertThat(article.url()).isEqualTo(url);
                assertThat(article.body()).contains("humanoid robots");
            });
        } finally {
            server.stop(0);
        }
    }

    private static Submission withRef(String ref, String body) {
        return new Submission(null, "Robots", body, null, null, null, ref);
    }
}
