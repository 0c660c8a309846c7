package trendwatch.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.Json;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/** {@code POST /api/articles} on a real socket, publishing to a real broker. */
class SubmitIT {

    private static final String TOKEN = "s3cret-token";

    private final HttpClient client = HttpClient.newHttpClient();
    @TempDir
    Path dir;
    private KafkaTestCluster kafka;
    private ArticleSink sink;
    private Fetcher fetcher;
    private HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name()), 1);
        sink = ArticleSink.open(kafka.connection(), "submit-it", dir.resolve("seen"));
        fetcher = new Fetcher(FetchPolicy.defaults());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext("/open", new SubmitHandler(new Submitter(fetcher, sink, Clock.systemUTC()), 2048, null));
        // Kafka's confirmation comes 2 s late, the submitter waits 0.5 s for it
        server.createContext("/impatient", new SubmitHandler(new Submitter(fetcher, (article, origin) ->
                sink.publishIfChangedAsync(article, origin, null).thenApplyAsync(outcome -> outcome,
                        CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS)), Clock.systemUTC(),
                Duration.ofMillis(500)), 2048, null));
        server.createContext("/locked", new SubmitHandler(new Submitter(fetcher, sink, Clock.systemUTC()), 2048,
                TOKEN));
        server.createContext("/open/", new WithdrawHandler(sink, Clock.systemUTC(), null));
        server.createContext("/locked/", new WithdrawHandler(sink, Clock.systemUTC(), TOKEN));
        server.createContext("/page", exchange -> {
            byte[] page = "<html><body><article><p>An intranet page.</p></article></body></html>".getBytes();
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        executor.shutdownNow();
        fetcher.close();
        sink.close();
        kafka.close();
    }

    @Test
    void shouldAcceptAnArticleAndPublishItOnce() throws Exception {
        String json = "{\"title\":\"Robotaxis expand\",\"body\":\"Waymo's driverless robotaxis now serve Austin.\","
                + "\"publishedAt\":\"2025-02-03T09:00:00+08:00\"}";

        HttpResponse<String> first = post("/open", json, null);
        HttpResponse<String> again = post("/open", json, null);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(first.body()).path("outcome").asText()).isEqualTo("published");
        assertThat(Json.MAPPER.readTree(again.body()).path("outcome").asText()).isEqualTo("unchanged");
        String id = Json.MAPPER.readTree(first.body()).path("articleId").asText();
        List<Article> raw = kafka.readAll(Topics.ARTICLES_RAW.name()).stream()
                .map(r -> Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", r.value())).toList();
        assertThat(raw).singleElement().satisfies(article -> {
            assertThat(article.id()).isEqualTo(id);
            assertThat(article.source().type()).isEqualTo("submit");
            assertThat(article.publishedAt()).hasToString("2025-02-03T01:00:00Z");
        });
    }

    /** A client's ref (the submit command sends a file's path) keeps an edited article's id: it is replaced. */
    @Test
    void shouldReplaceAnArticleSubmittedAgainWithTheSameRefAndChangedText() throws Exception {
        String draft = "{\"title\":\"Chips\",\"body\":\"Inference chips, draft.\",\"ref\":\"file://host/chips.md\"}";
        String edited = "{\"title\":\"Chips\",\"body\":\"Inference chips, final.\",\"ref\":\"file://host/chips.md\"}";

        JsonNode first = Json.MAPPER.readTree(post("/open", draft, null).body());
        JsonNode second = Json.MAPPER.readTree(post("/open", edited, null).body());

        assertThat(second.path("articleId").asText()).isEqualTo(first.path("articleId").asText());
        assertThat(second.path("outcome").asText()).isEqualTo("updated");
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name()))
                .extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly(first.path("articleId").asText(), first.path("articleId").asText());
    }

    /** The contract: lang is zh or en, an unknown field is null (not an empty title). */
    @Test
    void shouldPublishABodyOnlySubmissionWithANullTitleAndItsLanguageDetected() throws Exception {
        HttpResponse<String> accepted = post("/open", "{\"body\":\"Les robots humanoïdes d'Unitree arrivent.\","
                + "\"lang\":\"fr\"}", null);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode published = Json.MAPPER.readTree(kafka.readAll(Topics.ARTICLES_RAW.name()).get(0).value());
        assertThat(published.has("title")).isTrue();
        assertThat(published.get("title").isNull()).isTrue();
        assertThat(published.get("lang").asText()).isEqualTo("en");
    }

    @Test
    void shouldRefuseSubmittedUrlsThatReachLoopbackOrMetadata() throws Exception {
        HttpResponse<String> loopback = post("/open", "{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort()
                + "/page\"}", null);
        HttpResponse<String> metadata = post("/open", "{\"url\":\"http://169.254.169.254/latest/meta-data/\"}", null);
        HttpResponse<String> scheme = post("/open", "{\"url\":\"file:///etc/passwd\"}", null);

        assertThat(loopback.statusCode()).isEqualTo(400);
        assertThat(loopback.body()).contains("127.0.0.1");
        assertThat(metadata.statusCode()).isEqualTo(400);
        assertThat(scheme.statusCode()).isEqualTo(400);
        assertThat(scheme.body()).contains("not an http or https URL");
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).isEmpty();
    }

    @Test
    void shouldAnswerBadInputWithAReason() throws Exception {
        assertThat(post("/open", "{not json", null).statusCode()).isEqualTo(400);
        assertThat(post("/open", "{\"title\":\"no body, no url\"}", null).body())
                .contains("give either \\\"url\\\" or \\\"body\\\"");
        HttpResponse<String> badDate = post("/open", "{\"body\":\"x\",\"publishedAt\":\"yesterday\"}", null);
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("field 'publishedAt' must be an ISO-8601 date and time with its zone")
                .doesNotContain("Cannot deserialize");
        HttpResponse<String> numberBody = post("/open", "{\"body\":123}", null);
        assertThat(numberBody.statusCode()).isEqualTo(400);
        assertThat(numberBody.body()).contains("field 'body' must be text").doesNotContain("CoercionConfig");
        assertThat(post("/open", "[\"body\"]", null).body()).contains("expected a JSON object");
        assertThat(post("/open", "{\"body\":\"x\",\"lang\":5}", null).body()).contains("field 'lang'");
        assertThat(post("/open", "{\"body\":\"x\",\"title\":true}", null).statusCode()).isEqualTo(400);
        HttpResponse<String> trailing = post("/open", "{\"body\":\"Waymo robotaxi\"} xyz", null);
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(trailing.body()).contains("not valid JSON");
        // what classify would only send to the dead-letter topic is refused at once, not answered "published"
        HttpResponse<String> farFuture = post("/open",
                "{\"body\":\"SpaceX launched Starlink.\",\"publishedAt\":\"+10000-01-21T00:00:00Z\"}", null);
        assertThat(farFuture.statusCode()).isEqualTo(400);
        assertThat(farFuture.body()).contains("is outside the years 1 to 9999");
        assertThat(post("/open", "{\"body\":\"" + "x".repeat(4096) + "\"}", null).statusCode()).isEqualTo(413);
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/open")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> head = client.send(HttpRequest.newBuilder(uri("/open"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(405);
        // the length is sent as GET's, not handed to the JDK's server, which would log a warning instead
        assertThat(head.headers().firstValue("Content-Length")).hasValue(Integer.toString(get.body().length()));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void shouldRequireTheBearerTokenWhenOneIsSet() throws Exception {
        String json = "{\"body\":\"Innovative drugs from China reach phase 3.\"}";

        assertThat(post("/locked", json, null).body()).contains("a bearer token is required");
        HttpResponse<String> wrong = post("/locked", json, "wrong");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("not the one this server takes");
        assertThat(post("/locked", json, TOKEN).statusCode()).isEqualTo(202);
        HttpResponse<String> lowerCase = client.send(HttpRequest.newBuilder(uri("/locked"))
                .header("Authorization", "bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lowerCase.statusCode()).as("the scheme's case does not matter").isEqualTo(202);
    }

    /**
     * Submissions that wait together commit together, and each lands once: every article is posted twice at the
     * same time, and the copy handed over while the first commits is unchanged, not published again.
     */
    @Test
    void shouldPublishConcurrentSubmissionsOnceEachInFewerTransactions() throws Exception {
        int articles = 40;
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            String json = "{\"title\":\"Launch " + i + "\",\"body\":\"Reusable rocket number " + i
                    + " landed.\"}";
            for (int copy = 0; copy < 2; copy++) {
                responses.add(client.sendAsync(HttpRequest.newBuilder(uri("/open")).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
        }

        Map<String, List<String>> outcomesById = new HashMap<>();
        for (CompletableFuture<HttpResponse<String>> response : responses) {
            assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            JsonNode body = Json.MAPPER.readTree(response.get().body());
            outcomesById.computeIfAbsent(body.path("articleId").asText(), id -> new ArrayList<>())
                    .add(body.path("outcome").asText());
        }
        assertThat(outcomesById).hasSize(articles).allSatisfy((id, outcomes) ->
                assertThat(outcomes).containsExactlyInAnyOrder("published", "unchanged"));
        List<String> published = kafka.readAll(Topics.ARTICLES_RAW.name()).stream()
                .map(r -> new String(r.key(), StandardCharsets.UTF_8)).toList();
        assertThat(published).containsExactlyInAnyOrderElementsOf(outcomesById.keySet());
        assertThat(kafka.readAll(Topics.INGEST_SEEN.name())).hasSize(articles);
        assertThat(sink.transactions()).isLessThan(articles);
    }

    /** A submission not confirmed in time is answered 503, may still land, and is safe to send again. */
    @Test
    void shouldAnswer503WhenKafkaDoesNotConfirmInTimeAndTakeTheSameArticleAgainOnce() throws Exception {
        String json = "{\"title\":\"Solid-state cells\",\"body\":\"Pilot lines for solid-state batteries.\"}";

        HttpResponse<String> impatient = post("/impatient", json, null);

        assertThat(impatient.statusCode()).isEqualTo(503);
        assertThat(Json.MAPPER.readTree(impatient.body()).path("error").asText())
                .contains("has not confirmed the article within 500 ms").contains("submitting it again is safe");
        HttpResponse<String> again = post("/open", json, null);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(Json.MAPPER.readTree(again.body()).path("outcome").asText()).isEqualTo("unchanged");
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(1);
    }

    /**
     * A withdrawn article's counts go (a tombstone on the raw topic) and stay gone while its sources still offer
     * it, through a restart of ingest; submitting it counts it again.
     */
    @Test
    void shouldWithdrawAnArticleUntilItIsSubmittedAgain() throws Exception {
        String json = "{\"url\":\"https://example.com/robots\",\"title\":\"Humanoids\","
                + "\"body\":\"Unitree ships humanoid robots.\"}";
        String id = Json.MAPPER.readTree(post("/open", json, null).body()).path("articleId").asText();

        HttpResponse<String> withdrawn = delete("/open/" + id, null);
        HttpResponse<String> again = delete("/open/" + id, null);

        assertThat(withdrawn.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(withdrawn.body()).path("outcome").asText()).isEqualTo("withdrawn");
        assertThat(Json.MAPPER.readTree(again.body()).path("outcome").asText()).isEqualTo("already withdrawn");
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.readAll(Topics.ARTICLES_RAW.name());
        assertThat(raw).hasSize(2);
        assertThat(raw.get(1).value()).isNull();
        Article sourceCopy = Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", raw.get(0).value());
        Article editedCopy = new Article(Article.SCHEMA, id, sourceCopy.source(), sourceCopy.url(), "Humanoids",
                null, null, "en", null, sourceCopy.fetchedAt(), "Unitree ships more humanoid robots.", "edited");
        assertThat(sink.publishIfChangedAsync(editedCopy, "feed", "fp").join())
                .isEqualTo(ArticleSink.Outcome.WITHDRAWN);

        sink.close(); // ingest restarts: what it remembers comes back from the topic
        sink = ArticleSink.open(kafka.connection(), "submit-it", dir.resolve("seen"));
        assertThat(sink.publishIfChangedAsync(sourceCopy, "feed", "fp").join())
                .isEqualTo(ArticleSink.Outcome.WITHDRAWN);
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(2);
        assertThat(sink.publishSubmittedAsync(sourceCopy, "api").join()).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(3).last()
                .satisfies(r -> assertThat(r.value()).isNotNull());
    }

    @Test
    void shouldAnswerABadUnknownOrUnauthorizedWithdrawalWithAReason() throws Exception {
        String id = Json.MAPPER.readTree(post("/open", "{\"body\":\"Solid-state batteries.\"}", null).body())
                .path("articleId").asText();

        HttpResponse<String> notAnId = delete("/open/robots", null);
        HttpResponse<String> unknown = delete("/open/0123456789abcdef", null);
        HttpResponse<String> noToken = delete("/locked/" + id, null);
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(uri("/open/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(notAnId.statusCode()).isEqualTo(400);
        assertThat(notAnId.body()).contains("'robots' is not an article id");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("ingest has published no article 0123456789abcdef");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("DELETE");
        assertThat(delete("/locked/" + id, TOKEN).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> delete(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).DELETE();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
