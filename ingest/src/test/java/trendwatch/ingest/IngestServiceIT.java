package trendwatch.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.feed.Urls;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.Article;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/** Ingest against a real broker: what reaches {@code trend.articles.raw}, and what does not. */
class IngestServiceIT {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static KafkaTestCluster kafka;

    @TempDir
    Path inbox;
    @TempDir
    Path state;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name()), 1);
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void shouldPublishFilesOnceSkipBadOnesAndRepublishOnlyChangedOnes() throws Exception {
        Files.writeString(inbox.resolve("robots.md"), "# Robots\n\nHumanoid robots walk into factories.");
        int before = kafka.readAll(Topics.ARTICLES_RAW.name()).size();

        try (IngestService ingest = service("shared-test-inbox")) {
            ingest.start();
            assertThat(ingest.awaitFirstScans(DEADLINE)).isTrue();
            assertThat(articles(before + 1).get(before).title()).isEqualTo("Robots");

            Files.write(inbox.resolve("broken.bin"), new byte[] {1, 0, 2, 0});
            Files.writeString(inbox.resolve("empty.txt"), "");
            Files.writeString(inbox.resolve("chips.md"), "Inference chips are in short supply.");
            assertThat(articles(before + 2).get(before + 1).body()).isEqualTo("Inference chips are in short supply.");
        }

        try (IngestService restarted = service("shared-test-inbox")) {
            restarted.start();
            assertThat(restarted.awaitFirstScans(DEADLINE)).isTrue();
            Files.writeString(inbox.resolve("robots.md"), "# Robots\n\nHumanoid robots walk into homes.");
            List<Article> all = articles(before + 3);
            Article first = all.get(before);
            Article changed = all.get(before + 2);
            assertThat(changed.id()).isEqualTo(first.id());
            assertThat(changed.fetchedAt()).isEqualTo(first.fetchedAt());
            assertThat(changed.body()).contains("homes");
        }
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(before + 3);
    }

    /**
     * A producer with ingest's transactional id fences ingest's: what happens when a frozen ingest's transaction
     * outlives {@code transaction.timeout.ms}, or when a replacement instance starts before the old one has gone.
     */
    @Test
    void shouldGoOnPublishingAfterItsProducerWasFenced() throws Exception {
        Files.writeString(inbox.resolve("batteries.md"), "Solid-state batteries reach pilot lines.");
        int before = kafka.readAll(Topics.ARTICLES_RAW.name()).size();
        try (IngestService ingest = service("fenced-test-inbox", "ingest-fenced-it")) {
            ingest.start();
            assertThat(ingest.awaitFirstScans(DEADLINE)).isTrue();
            assertThat(articles(before + 1)).isNotEmpty();

            fenceTransactionalId("ingest-fenced-it");
            Files.writeString(inbox.resolve("space.md"), "Reusable rockets cut launch costs.");

            assertThat(articles(before + 2).get(before + 1).body()).isEqualTo("Reusable rockets cut launch costs.");
            assertThat(ingest.healthy()).isTrue();
        }
    }

    /** A folder of many files goes in few transactions, each file once. */
    @Test
    void shouldPublishAFolderOfManyFilesOnceEachInFewerTransactions() throws Exception {
        int files = 300;
        for (int i = 0; i < files; i++) {
            Files.writeString(inbox.resolve(String.format("launch-%03d.md", i)),
                    "# Launch " + i + "\n\nReusable rocket number " + i + " landed on its barge.");
        }
        int before = kafka.readAll(Topics.ARTICLES_RAW.name()).size();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        try (IngestService ingest = service("many-files-inbox", "ingest-many-it", meters)) {
            ingest.start();
            assertThat(ingest.awaitFirstScans(DEADLINE)).isTrue();
            List<Article> published = articles(before + files).subList(before, before + files);

            assertThat(published).extracting(Article::title).containsExactlyInAnyOrderElementsOf(
                    IntStream.range(0, files).mapToObj(i -> "Launch " + i).toList());
            assertThat(meters.get("trendwatch.ingest.transactions").functionCounter().count())
                    .isLessThan(files / 10.0);
        }
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).hasSize(before + files);
    }

    /**
     * A file published under its path's id, by an earlier version of ingest or before its sidecar gave a URL, is
     * withdrawn under that id once the URL makes its id: it must not count twice.
     */
    @Test
    void shouldWithdrawAFilesPathIdOnceItsSidecarsUrlMakesItsId() throws Exception {
        Path file = Files.writeString(inbox.resolve("robotaxi.md"), "Robotaxis reach a new city.");
        FolderSource source = new FolderSource("url-inbox", inbox);
        Article byPath = new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES, Clock.systemUTC())
                .read(source, file);
        String pathId = FileArticleReader.pathId(source, file);
        assertThat(byPath.id()).isEqualTo(pathId);
        try (ArticleSink earlier = ArticleSink.open(kafka.connection(), "ingest-url-it", state.resolve("earlier"))) {
            assertThat(earlier.publishIfChanged(byPath, "robotaxi.md", null)).isEqualTo(ArticleSink.Outcome.PUBLISHED);
        }
        Files.writeString(inbox.resolve("robotaxi.md.meta.yaml"), "url: https://example.com/news/robotaxi\n");
        String urlId = Urls.articleId(URI.create("https://example.com/news/robotaxi"));

        try (IngestService ingest = service("url-inbox", "ingest-url-it")) {
            ingest.start();
            assertThat(ingest.awaitFirstScans(DEADLINE)).isTrue();
            List<ConsumerRecord<byte[], byte[]>> raw = kafka.readUntil(Topics.ARTICLES_RAW.name(),
                    records -> records.stream().anyMatch(r -> isTombstone(r, pathId))
                            && records.stream().anyMatch(r -> key(r).equals(urlId)), DEADLINE);

            assertThat(raw).filteredOn(r -> key(r).equals(urlId)).singleElement()
                    .satisfies(r -> assertThat(r.value()).isNotNull());
            assertThat(raw).filteredOn(r -> key(r).equals(pathId)).hasSize(2).last()
                    .satisfies(r -> assertThat(r.value()).isNull());
        }
        int withdrawn = kafka.readAll(Topics.ARTICLES_RAW.name()).size();

        try (IngestService restarted = service("url-inbox", "ingest-url-it")) {
            restarted.start();
            assertThat(restarted.awaitFirstScans(DEADLINE)).isTrue();
            // a marker after the restart's first scan: nothing was published or withdrawn again before it
            Files.writeString(inbox.resolve("marker.md"), "Reusable rockets cut launch costs.");
            List<ConsumerRecord<byte[], byte[]>> raw = kafka.readUntil(Topics.ARTICLES_RAW.name(),
                    records -> records.size() > withdrawn, DEADLINE);
            assertThat(raw.subList(withdrawn, raw.size())).extracting(r -> new String(r.value(), UTF_8))
                    .singleElement().asString().contains("Reusable rockets");
        }
    }

    /** A file whose sidecar's URL changes, then goes, is withdrawn under each id it no longer has: it never counts twice. */
    @Test
    void shouldWithdrawTheUrlAFilesSidecarNoLongerGives() throws Exception {
        Path file = Files.writeString(inbox.resolve("chips.md"), "Inference chips are in short supply.");
        Path sidecar = Files.writeString(inbox.resolve("chips.md.meta.yaml"), "url: https://example.com/chipz\n");
        String typo = Urls.articleId(URI.create("https://example.com/chipz"));
        String fixed = Urls.articleId(URI.create("https://example.com/chips"));
        String pathId = FileArticleReader.pathId(new FolderSource("sidecar-inbox", inbox), file);

        try (IngestService ingest = service("sidecar-inbox", "ingest-sidecar-it")) {
            ingest.start();
            assertThat(ingest.awaitFirstScans(DEADLINE)).isTrue();
            kafka.readUntil(Topics.ARTICLES_RAW.name(), records -> records.stream().anyMatch(r -> isLive(r, typo)),
                    DEADLINE);

            Files.writeString(sidecar, "url: https://example.com/chips\n");
            kafka.readUntil(Topics.ARTICLES_RAW.name(), records -> records.stream().anyMatch(r -> isLive(r, fixed)),
                    DEADLINE);
            Files.delete(sidecar);
            List<ConsumerRecord<byte[], byte[]>> raw = kafka.readUntil(Topics.ARTICLES_RAW.name(),
                    records -> records.stream().anyMatch(r -> isLive(r, pathId)), DEADLINE);

            assertThat(raw).filteredOn(r -> List.of(typo, fixed, pathId).contains(key(r)))
                    .extracting(r -> key(r) + (r.value() == null ? " withdrawn" : " published"))
                    .containsExactly(typo + " published", typo + " withdrawn", fixed + " published",
                            fixed + " withdrawn", pathId + " published");
        }
    }

    /**
     * A file's article a user withdrew stays out when the file's sidecar changes its URL (or drops it): the file is
     * then known by another id, but it is the same article, which must not count again until it is submitted.
     */
    @Test
    void shouldKeepAWithdrawnFilesArticleOutWhenItsSidecarChangesItsUrl() throws Exception {
        Path file = Files.writeString(inbox.resolve("robots.md"), "Humanoid robots learn to fold laundry.");
        Path sidecar = Files.writeString(inbox.resolve("robots.md.meta.yaml"), "url: https://example.com/robotz\n");
        String typo = Urls.articleId(URI.create("https://example.com/robotz"));
        String fixed = Urls.articleId(URI.create("https://example.com/robots"));
        String pathId = FileArticleReader.pathId(new FolderSource("withdrawn-inbox", inbox), file);

        try (IngestService ingest = service("withdrawn-inbox", "ingest-withdrawn-it")) {
            ingest.start();
            assertThat(ingest.awaitFirstScans(DEADLINE)).isTrue();
            kafka.readUntil(Topics.ARTICLES_RAW.name(), records -> records.stream().anyMatch(r -> isLive(r, typo)),
                    DEADLINE);
            assertThat(ingest.sink().withdrawAsUser(typo, Instant.now()).join())
                    .isEqualTo(ArticleSink.Withdrawal.WITHDRAWN);

            Files.writeString(sidecar, "url: https://example.com/robots\n");
            Files.writeString(inbox.resolve("marker-1.md"), "Reusable rockets cut launch costs again.");
            kafka.readUntil(Topics.ARTICLES_RAW.name(), records -> records.stream()
                    .anyMatch(r -> r.value() != null && new String(r.value(), UTF_8).contains("launch costs again")),
                    DEADLINE);
            Files.delete(sidecar);
            Files.writeString(inbox.resolve("marker-2.md"), "Solid-state cells pass another test.");
            List<ConsumerRecord<byte[], byte[]>> raw = kafka.readUntil(Topics.ARTICLES_RAW.name(), records -> records
                    .stream().anyMatch(r -> r.value() != null && new String(r.value(), UTF_8).contains("another test")),
                    DEADLINE);

            assertThat(raw).filteredOn(r -> List.of(typo, fixed, pathId).contains(key(r)))
                    .extracting(r -> key(r) + (r.value() == null ? " withdrawn" : " published"))
                    .containsExactly(typo + " published", typo + " withdrawn");
        }

        try (IngestService restarted = service("withdrawn-inbox", "ingest-withdrawn-it")) {
            restarted.start();
            assertThat(restarted.awaitFirstScans(DEADLINE)).isTrue();
            Files.writeString(inbox.resolve("marker-3.md"), "Robotaxis reach a third city.");
            List<ConsumerRecord<byte[], byte[]>> raw = kafka.readUntil(Topics.ARTICLES_RAW.name(), records -> records
                    .stream().anyMatch(r -> r.value() != null && new String(r.value(), UTF_8).contains("third city")),
                    DEADLINE);

            assertThat(raw).as("after a restart").filteredOn(r -> List.of(typo, fixed, pathId).contains(key(r)))
                    .hasSize(2);
        }
    }

    private static boolean isLive(ConsumerRecord<byte[], byte[]> record, String articleId) {
        return record.value() != null && key(record).equals(articleId);
    }

    private static boolean isTombstone(ConsumerRecord<byte[], byte[]> record, String articleId) {
        return record.value() == null && key(record).equals(articleId);
    }

    private static String key(ConsumerRecord<byte[], byte[]> record) {
        return new String(record.key(), UTF_8);
    }

    private static void fenceTransactionalId(String transactionalId) {
        Properties p = kafka.connection().properties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<byte[], byte[]> usurper =
                     new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            usurper.initTransactions();
        }
    }

    private IngestService service(String sourceId) {
        return service(sourceId, "ingest-it");
    }

    private IngestService service(String sourceId, String transactionalId) {
        return service(sourceId, transactionalId, new SimpleMeterRegistry());
    }

    private IngestService service(String sourceId, String transactionalId, SimpleMeterRegistry meters) {
        return new IngestService(new IngestConfig(kafka.connection(), List.of(new FolderSource(sourceId, inbox)),
                null, FileArticleReader.DEFAULT_MAX_BYTES, Duration.ofMillis(200), transactionalId,
                state.resolve(transactionalId), FetchPolicy.defaults(), meters, Clock.systemUTC()));
    }

    private static List<Article> articles(int atLeast) {
        List<ConsumerRecord<byte[], byte[]>> records =
                kafka.readUntil(Topics.ARTICLES_RAW.name(), r -> r.size() >= atLeast, DEADLINE);
        return records.stream().map(r -> Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", r.value())).toList();
    }
}
