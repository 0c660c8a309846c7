package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.app.cli.CommandLineRunner;
import trendwatch.ingest.feed.Urls;
import trendwatch.model.Article;
import trendwatch.model.DeadLetters;
import trendwatch.model.Json;
import trendwatch.model.SourceRef;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;
import trendwatch.model.testing.KafkaTestCluster;
import trendwatch.publish.PublishTopology;

/** The whole pipeline in one process against a real broker, driven and read as a user would. */
class PipelineIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Set<String> SIX = Set.of("space", "robots", "chips", "batteries", "driving", "biomed");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A broker per test: the stages' consumer groups and topics must not carry over between tests. */
    private KafkaTestCluster kafka;

    @TempDir
    Path dataDir;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
    }

    @AfterEach
    void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void shouldCountTheSeedsSixSectorsAndKeepTheCountsAcrossARestart() throws Exception {
        Map<String, TrendCount> before;
        try (Pipeline pipeline = start()) {
            before = awaitCounts(pipeline, counts -> counts.keySet().containsAll(SIX));
            assertThat(get(pipeline, "/health").body()).contains("\"status\":\"UP\"");
            assertThat(get(pipeline, "/api/paragraphs?sector=batteries&limit=5").body()).contains("电池");
            assertThat(get(pipeline, "/").body()).contains("<title>trendwatch");
            assertThat(get(pipeline, "/metrics").body()).contains("trendwatch_paragraphs_labeled_total",
                    "kafka_stream_thread");
        }
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(1);
        // the articles table keeps each article's numbers, not a second copy of its labels and evidence
        byte[] labels = kafka.readAll(Topics.ARTICLES_LABELED.name()).get(0).value();
        assertThat(kafka.readAll("trendwatch-publish-" + PublishTopology.ARTICLES_STORE + "-changelog"))
                .singleElement().satisfies(kept -> assertThat(kept.value().length).isLessThan(labels.length / 4));
        // a new machine: no local state, everything restored from the topics
        deleteRecursively(dataDir.resolve("streams"));

        try (Pipeline restarted = start()) {
            Map<String, TrendCount> after = awaitCounts(restarted, counts -> counts.keySet().containsAll(SIX));
            assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(1);
            assertThat(summary(after)).isEqualTo(summary(before));
        }
    }

    @Test
    void shouldSendBadRecordsOfClassifyAndPublishToTheDeadLetterTopicAndKeepCounting() throws Exception {
        try (Pipeline pipeline = start()) {
            awaitCounts(pipeline, counts -> counts.containsKey("space"));
            kafka.produce(Topics.ARTICLES_RAW.name(), "bad-1".getBytes(StandardCharsets.UTF_8),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            // as large as the raw topic takes: with its origin headers it must still fit on the dead-letter topic
            byte[] largest = ("{" + "x".repeat(StreamsSettings.MAX_RECORD_BYTES - 256)).getBytes(StandardCharsets.UTF_8);
            kafka.produce(Topics.ARTICLES_RAW.name(), "bad-largest".getBytes(StandardCharsets.UTF_8), largest);
            Files.writeString(dataDir.resolve("inbox/waymo.md"), "Waymo's robotaxi fleet expanded its driverless "
                    + "ride-hailing service, and autonomous driving with lidar now covers three more cities.");

            // publish's input is classify's, but anyone can write to a topic
            kafka.produce(Topics.ARTICLES_LABELED.name(), "bad-2".getBytes(StandardCharsets.UTF_8),
                    "{labels?".getBytes(StandardCharsets.UTF_8));

            List<ConsumerRecord<byte[], byte[]>> dead = kafka.readUntil(Topics.DLQ.name(), r -> r.size() >= 3, DEADLINE);
            ConsumerRecord<byte[], byte[]> fromClassify = withKey(dead, "bad-1");
            assertThat(header(fromClassify, DeadLetters.STAGE)).isEqualTo("classify");
            assertThat(header(fromClassify, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.ARTICLES_RAW.name());
            assertThat(header(fromClassify, DeadLetters.SOURCE_OFFSET)).isNotBlank();
            ConsumerRecord<byte[], byte[]> largestDead = withKey(dead, "bad-largest");
            assertThat(largestDead.value()).isEqualTo(largest);
            assertThat(header(largestDead, DeadLetters.ERROR_MESSAGE)).isNotBlank();
            ConsumerRecord<byte[], byte[]> fromPublish = withKey(dead, "bad-2");
            assertThat(header(fromPublish, DeadLetters.STAGE)).isEqualTo("publish");
            assertThat(header(fromPublish, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.ARTICLES_LABELED.name());
            assertThat(new String(fromPublish.value(), StandardCharsets.UTF_8)).isEqualTo("{labels?");
            assertThat(TrendsApi.get(pipeline, "/metrics").body().lines()
                    .filter(line -> line.startsWith("trendwatch_dlq_records_total{"))).as("dead letters counted")
                    .anyMatch(line -> line.contains("stage=\"classify\""))
                    .anyMatch(line -> line.contains("stage=\"publish\""));
            awaitCounts(pipeline, counts -> counts.containsKey("driving") && counts.get("driving").articles() >= 2);
        }
    }

    private static ConsumerRecord<byte[], byte[]> withKey(List<ConsumerRecord<byte[], byte[]>> records, String key) {
        return records.stream().filter(r -> key.equals(new String(r.key(), StandardCharsets.UTF_8))).findFirst()
                .orElseThrow(() -> new AssertionError("no record with key " + key + " in " + records.size()));
    }

    @Test
    void shouldCountAnArticleSubmittedThroughTheApi() throws Exception {
        try (Pipeline pipeline = start()) {
            awaitCounts(pipeline, counts -> counts.containsKey("biomed"));
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + pipeline.httpPort() + "/api/articles")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"title\":\"GLP-1\",\"body\":\"The FDA approved an innovative GLP-1 drug after phase 3 clinical"
                    + " trials; biotech firms and CDMO partners expect strong demand.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(accepted.statusCode()).isEqualTo(202);
            assertThat(get(pipeline, "/api/sources").body()).isEqualTo("[]");
            long withIt = awaitCounts(pipeline, counts -> counts.get("biomed").articles() >= 2).get("biomed")
                    .articles();

            // withdrawn, its counts go; submitted again, they come back
            String id = Json.MAPPER.readTree(accepted.body()).path("articleId").asText();
            HttpResponse<String> withdrawn = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + pipeline.httpPort() + "/api/articles/" + id)).DELETE().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(withdrawn.statusCode()).isEqualTo(200);
            awaitCounts(pipeline, counts -> counts.get("biomed").articles() == withIt - 1);
            assertThat(HTTP.send(accepted.request(), HttpResponse.BodyHandlers.ofString()).body())
                    .contains("\"outcome\":\"published\"");
            awaitCounts(pipeline, counts -> counts.get("biomed").articles() == withIt);
        }
    }

    /**
     * A file that gains a sidecar url becomes that URL's article: the file's earlier article is withdrawn, so the
     * file counts once and is listed once, and the same URL submitted through the API is the same article.
     */
    @Test
    void shouldCountAFileOnceWhenItsSidecarGivesItAUrl() throws Exception {
        String text = "Nvidia's inference chips for AI data centers sold out again.";
        try (Pipeline pipeline = start()) {
            long seedChips = awaitCounts(pipeline, counts -> counts.keySet().containsAll(SIX)).get("chips").articles();
            Path inbox = dataDir.resolve("inbox");
            Files.writeString(inbox.resolve("chips.md"), text);
            awaitCounts(pipeline, counts -> counts.get("chips").articles() == seedChips + 1);
            Awaitility.await().atMost(DEADLINE).until(() -> listedTimes(pipeline, text) == 1);

            Files.writeString(inbox.resolve("chips.md.meta.yaml"), "url: https://example.com/chips?utm_source=x\n");
            String urlId = Urls.articleId(URI.create("https://example.com/chips"));
            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> get(pipeline, "/api/paragraphs?sector=chips").body().contains(urlId));
            HttpResponse<String> submitted = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + pipeline.httpPort() + "/api/articles")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"url\":\"https://example.com/chips\",\"title\":\"chips\",\"body\":\"" + text + "\"}"))
                    .build(),
                    HttpResponse.BodyHandlers.ofString());

            // the same article (its submitted copy's title and text as the file's, or replacing them), never a new one
            assertThat(submitted.body()).contains(urlId).doesNotContain("\"outcome\":\"published\"");
            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> listedTimes(pipeline, text) == 1);
            assertThat(dayCounts(pipeline).get("chips").articles()).isEqualTo(seedChips + 1);
        }
    }

    /**
     * A file of the inbox submitted with {@code trendwatch submit} (its ref: this machine and its path) is the
     * inbox's article: not counted twice, and submitting it brings it back once a user withdrew it.
     */
    @Test
    void shouldKnowASubmittedInboxFileAsTheInboxsOwnArticle() throws Exception {
        String text = "Nvidia's inference chips for AI data centers sold out again.";
        try (Pipeline pipeline = start()) {
            long seedChips = awaitCounts(pipeline, counts -> counts.keySet().containsAll(SIX)).get("chips").articles();
            Path file = Files.writeString(dataDir.resolve("inbox").resolve("chips.md"), text);
            awaitCounts(pipeline, counts -> counts.get("chips").articles() == seedChips + 1);
            String api = "http://localhost:" + pipeline.httpPort();

            CommandLineRunner again = CommandLineRunner.run("submit", "--api", api, file.toString());
            String id = again.out().strip().replaceAll(".* as article ", "");
            assertThat(again.out()).contains(": unchanged as article ");
            assertThat(get(pipeline, "/api/paragraphs?sector=chips").body()).contains(id);

            assertThat(CommandLineRunner.run("withdraw", "--api", api, id).out()).contains("withdrawn");
            awaitCounts(pipeline, counts -> counts.get("chips").articles() == seedChips);
            assertThat(CommandLineRunner.run("submit", "--api", api, file.toString()).out().strip())
                    .isEqualTo(file + ": published as article " + id);
            awaitCounts(pipeline, counts -> counts.get("chips").articles() == seedChips + 1);
        }
    }

    /** How many times the chips paragraphs listed by /api/paragraphs hold {@code text}. */
    private static int listedTimes(Pipeline pipeline, String text) throws Exception {
        int times = 0;
        for (JsonNode paragraph : Json.MAPPER.readTree(get(pipeline, "/api/paragraphs?sector=chips").body())) {
            times += paragraph.path("text").asText().equals(text) ? 1 : 0;
        }
        return times;
    }

    @Test
    void shouldServeHealthMetricsAndSubmissionsFromAnIngestStageOnItsOwn() throws Exception {
        RunOptions options = new RunOptions(kafka.connection(), dataDir, Path.of("../seeds"), "localhost", 0,
                9092, null, 3, false, null, null);
        try (Pipeline ingest = new Pipeline(options, List.of(Pipeline.Part.INGEST)).start()) {
            assertThat(get(ingest, "/health").body()).contains("\"ingest\":\"RUNNING\"");
            assertThat(get(ingest, "/metrics").body()).contains("jvm_memory_used_bytes");
            HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + ingest.httpPort() + "/api/articles")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"body\":\"Solid-state battery pilot lines are ramping up.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).isEqualTo(202);
            // with a trailing slash, as some clients send it: still a submission, not a withdrawal
            HttpResponse<String> slashed = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                    + ingest.httpPort() + "/api/articles/")).POST(HttpRequest.BodyPublishers.ofString(
                    "{\"body\":\"Humanoid robot makers are hiring.\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(slashed.statusCode()).isEqualTo(202);
            assertThat(kafka.readUntil(Topics.ARTICLES_RAW.name(), r -> r.size() >= 3, DEADLINE)).hasSize(3);
        }
    }

    @Test
    void shouldSendABurstCitingTheParagraphsOfTheDayThatBurst() throws Exception {
        Instant hotDay = Instant.parse("2025-03-01T09:00:00Z");
        try (Pipeline pipeline = start()) {
            for (int d = 14; d >= 1; d--) {
                produceChipsArticle("quiet-" + d, hotDay.minus(Duration.ofDays(d)));
            }
            // the history must be counted before the jump, or the series would not be known long enough to burst
            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(
                    () -> Json.MAPPER.readTree(get(pipeline,
                            "/api/trends?granularity=day&sector=chips&from=2025-02-01T00:00:00Z"
                                    + "&to=2025-02-28").body()),
                    days -> days.size() == 14);
            for (int i = 0; i < 6; i++) {
                produceChipsArticle("hot-" + i, hotDay);
            }

            JsonNode burst = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(
                    () -> hotDayBurst(get(pipeline, "/api/bursts?sector=chips").body()), b -> b != null);
            assertThat(burst.get("paragraphs").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(burst.get("evidence").findValuesAsText("articleId")).as("the hot day's paragraphs only")
                    .isNotEmpty().allMatch(id -> id.startsWith("hot-"));
        }
    }

    private static JsonNode hotDayBurst(String bursts) throws IOException {
        for (JsonNode burst : Json.MAPPER.readTree(bursts)) {
            if (burst.get("granularity").asText().equals("day")
                    && burst.get("bucketStart").asText().equals("2025-03-01T00:00:00Z")) {
                return burst;
            }
        }
        return null;
    }

    private void produceChipsArticle(String id, Instant publishedAt) throws Exception {
        Article article = new Article(Article.SCHEMA, id, new SourceRef("api", "test", null), null, "Chips " + id, null,
                null, "en", publishedAt, publishedAt, "Nvidia's inference chips for AI data centers sold out again,"
                + " and TSMC is expanding CoWoS packaging capacity.", null);
        kafka.produce(Topics.ARTICLES_RAW.name(), id.getBytes(StandardCharsets.UTF_8),
                Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), article));
    }

    private Pipeline start() throws Exception {
        RunOptions options = new RunOptions(kafka.connection(), dataDir, Path.of("../seeds"), "localhost", 0,
                9092, null, 3, false, null, null);
        return new Pipeline(options, List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH))
                .start();
    }

    /** Today's day counts per sector, once they satisfy {@code done}. */
    private static Map<String, TrendCount> awaitCounts(Pipeline pipeline,
                                                       java.util.function.Predicate<Map<String, TrendCount>> done) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> dayCounts(pipeline), done);
    }

    private static Map<String, TrendCount> dayCounts(Pipeline pipeline) throws Exception {
        HttpResponse<String> response = get(pipeline, "/api/trends?granularity=day");
        if (response.statusCode() != 200) {
            return Map.of();
        }
        List<TrendCount> counts = Json.MAPPER.readValue(response.body(), new TypeReference<List<TrendCount>>() { });
        return counts.stream().collect(Collectors.toMap(TrendCount::sector, c -> c, (a, b) -> b, TreeMap::new));
    }

    private static Map<String, String> summary(Map<String, TrendCount> counts) {
        return counts.values().stream().collect(Collectors.toMap(TrendCount::sector,
                c -> c.bucketStart() + " " + c.paragraphs() + " " + c.articles() + " " + c.score(), (a, b) -> b,
                TreeMap::new));
    }

    private static HttpResponse<String> get(Pipeline pipeline, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
