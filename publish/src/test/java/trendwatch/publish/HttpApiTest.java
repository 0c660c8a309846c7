package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Burst;
import trendwatch.model.Granularity;
import trendwatch.model.Json;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SectorContribution;
import trendwatch.model.SourceRef;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.taxonomy.Taxonomy;

/** The HTTP API on a real server socket, answering from a test-driven publish topology. */
class HttpApiTest {

    private static final Instant T = Instant.parse("2025-01-15T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T, ZoneOffset.UTC);
    private static final SourceRef SOURCE = new SourceRef("folder", "inbox", null);
    /** Where the JDK's HTTP server logs its warnings (held here: JUL keeps loggers only weakly). */
    private static final Logger HTTP_SERVER_LOG = Logger.getLogger("com.sun.net.httpserver");

    @TempDir
    Path stateDir;

    private final HttpClient client = HttpClient.newHttpClient();
    private TopologyTestDriver driver;
    private RecentParagraphs recent;
    private RecentBursts bursts;
    private HttpApi api;
    private boolean healthy = true;

    @BeforeEach
    void start() throws Exception {
        driver = new TopologyTestDriver(PublishTopology.build(new PublishConfig(CLOCK, new SimpleMeterRegistry())),
                StreamsSettings.exactlyOnce("api-test", KafkaConnection.of("unused:9092"), stateDir));
        driver.createInputTopic(Topics.ARTICLES_LABELED.name(), Serdes.String().serializer(),
                Topics.ARTICLES_LABELED.valueSerde().serializer())
                .pipeInput("a1", new ArticleLabels(ArticleLabels.SCHEMA, "a1", T, T, SOURCE, null, "t", "v1",
                        Map.of("space", new SectorContribution(2, 1.5))));
        recent = new RecentParagraphs(KafkaConnection.of("localhost:1"), Taxonomy.loadDefault().sectorIds());
        bursts = new RecentBursts(KafkaConnection.of("localhost:1"));
        recent.add(new LabeledParagraph(LabeledParagraph.SCHEMA, "a1", 0, "SpaceX 星舰", "zh",
                List.of(new Label("space", 0.9, List.of("星舰"))), T, T, SOURCE, null, "t", "v1"), T.toEpochMilli());
        api = startApi(new Intake(stateDir.resolve("inbox"), null, Intake.Submit.OPEN));
    }

    /** A server on a free port answering from the test's topology, its dashboard offering {@code intake}. */
    private HttpApi startApi(Intake intake) throws Exception {
        if (api != null) {
            api.close();
        }
        CountStores counts = CountStores.local(g -> driver.getKeyValueStore(PublishTopology.countsStore(g)));
        HttpApi started = new HttpApi("localhost", 0, new HttpApi.Sources(Taxonomy.loadDefault(),
                new TrendQueries(counts, CLOCK), counts, recent, bursts,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), List.of(check()), intake));
        started.start();
        return started;
    }

    @AfterEach
    void stop() {
        api.close();
        recent.close();
        bursts.close();
        driver.close();
    }

    @Test
    void shouldAnswerTrendsAsJsonWithIsoInstants() throws Exception {
        HttpResponse<String> response = get("/api/trends?granularity=week&sector=space");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).contains("\"sector\":\"space\"", "\"granularity\":\"week\"",
                "\"bucketStart\":\"2025-01-13T00:00:00Z\"", "\"paragraphs\":2");
    }

    @Test
    void shouldTakeInEveryBucketThatStartsOnTheDayGivenAsTo() throws Exception {
        assertThat(get("/api/trends?granularity=hour&from=2025-01-15&to=2025-01-15").body())
                .contains("\"bucketStart\":\"2025-01-15T12:00:00Z\"");
        assertThat(get("/api/trends?granularity=day&from=2025-01-15&to=2025-01-15").body())
                .contains("\"bucketStart\":\"2025-01-15T00:00:00Z\"");
        assertThat(get("/api/trends?granularity=week&from=2025-01-13&to=2025-01-13").body())
                .contains("\"bucketStart\":\"2025-01-13T00:00:00Z\"");
    }

    @Test
    void shouldEndTheRangeAtAnInstantGivenAsTo() throws Exception {
        assertThat(get("/api/trends?granularity=hour&to=2025-01-15T11:59:59Z").body()).isEqualTo("[]");
        assertThat(get("/api/trends?granularity=hour&to=2025-01-15T12:00:00Z").body())
                .contains("\"bucketStart\":\"2025-01-15T12:00:00Z\"");
    }

    @Test
    void shouldRejectBadParametersWithAReason() throws Exception {
        assertError("/api/trends?granularity=month", 400, "granularity=month is not one of hour, day, week");
        assertError("/api/trends?sector=nope", 400, "sector=nope is not one of");
        assertError("/api/trends?from=yesterday", 400, "from=yesterday is not an ISO-8601 date or instant");
        assertError("/api/paragraphs?limit=0", 400, "limit=0 is outside 1..200");
        assertError("/no/such/page", 404, "no such page: /no/such/page");
        assertError("/api/trends?from=2025-02-01&to=2025-01-01", 400, "to=2025-01-01 is before the range's start");
    }

    @Test
    void shouldAnswerAWriteToAReadOnlyRouteWith405() throws Exception {
        for (String path : List.of("/api/trends", "/api/summary", "/health", "/metrics", "/")) {
            HttpResponse<String> post = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + api.port() + path))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as(path).isEqualTo(405);
            assertThat(post.headers().firstValue("Allow")).as(path).contains("GET, HEAD");
        }
    }

    @Test
    void shouldListTheLatestEvidenceOfASector() throws Exception {
        assertThat(get("/api/paragraphs?sector=space").body()).contains("\"evidence\":[\"星舰\"]");
        assertThat(get("/api/paragraphs?sector=chips").body()).isEqualTo("[]");
    }

    @Test
    void shouldSummariseEverySectorsCurrentBucketWithItsMomentum() throws Exception {
        String body = get("/api/summary?granularity=day").body();

        assertThat(body).contains("\"sector\":\"space\"", "\"zh\":\"太空经济\"", "\"paragraphs\":2",
                "\"status\":\"rising\"", "\"sector\":\"biomed\"", "\"changePercent\":null");
        assertThat(Json.MAPPER.readTree(body)).hasSize(6);
    }

    @Test
    void shouldListRecentBurstsNewestFirst() throws Exception {
        bursts.add(new Burst(Burst.SCHEMA, "space", Granularity.DAY, T, 5, 1.0, 4.0, T, List.of()));
        bursts.add(new Burst(Burst.SCHEMA, "chips", Granularity.DAY, T, 6, 1.0, 5.0, T, List.of()));

        assertThat(Json.MAPPER.readTree(get("/api/bursts").body()).findValuesAsText("sector"))
                .containsExactly("chips", "space");
        assertThat(Json.MAPPER.readTree(get("/api/bursts?sector=space").body())).hasSize(1);
    }

    @Test
    void shouldStreamNewParagraphsAsServerSentEvents() throws Exception {
        HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + api.port() + "/api/stream")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String event = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                assertThat(lines.readLine()).isEqualTo("retry: 3000");
                recent.add(new LabeledParagraph(LabeledParagraph.SCHEMA, "a2", 3, "宁德时代固态电池", "zh",
                        List.of(new Label("batteries", 0.9, List.of("固态电池"))), T, T, SOURCE, null, "t", "v1"),
                        T.toEpochMilli());
                String line;
                while ((line = lines.readLine()) != null && !line.startsWith("event:")) {
                    continue;
                }
                return line + "\n" + lines.readLine();
            });
            assertThat(event).startsWith("event: paragraph\ndata: {").contains("\"articleId\":\"a2\"");
        }
    }

    @Test
    void shouldListTheSixDefaultSectors() throws Exception {
        assertThat(get("/api/sectors").body()).contains("\"id\":\"space\"", "\"zh\":\"人形机器人\"", "\"id\":\"biomed\"");
    }

    @Test
    void shouldReportHealthAndTurnUnavailableWhenAStageIsDown() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);

        healthy = false;

        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"status\":\"DOWN\"", "\"test-stage\":\"BROKEN\"");
    }

    @Test
    void shouldServeTheDashboardAndPrometheusMetrics() throws Exception {
        assertThat(get("/").body()).contains("<title>trendwatch");
        assertThat(get("/metrics").headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBodyOrServerWarning() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler handler = recordInto(warnings);
        HTTP_SERVER_LOG.addHandler(handler);
        try {
            for (String path : List.of("/", "/api/trends?sector=nope", "/health", "/static/dashboard.js",
                    "/static/nope.js")) {
                HttpResponse<String> get = get(path);
                HttpResponse<String> head = head(path);

                assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
                assertThat(head.headers().firstValue("Content-Type")).as(path)
                        .isEqualTo(get.headers().firstValue("Content-Type"));
                assertThat(head.headers().firstValue("Content-Length")).as(path)
                        .hasValue(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length));
                assertThat(head.body()).as(path).isEmpty();
            }
            HttpResponse<String> stream = head("/api/stream");
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
            assertThat(stream.body()).isEmpty();
        } finally {
            HTTP_SERVER_LOG.removeHandler(handler);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void shouldLetBrowsersKeepStaticFilesOnlyUntilTheirContentChanges() throws Exception {
        for (String path : List.of("/static/dashboard.js", "/static/dashboard.css", "/static/favicon.svg",
                "/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            HttpResponse<String> first = get(path);
            assertThat(first.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            String etag = first.headers().firstValue("ETag").orElseThrow();

            HttpResponse<String> unchanged = client.send(request(path).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unchanged.statusCode()).as(path).isEqualTo(304);
            assertThat(unchanged.body()).as(path).isEmpty();

            HttpResponse<String> changed = client.send(request(path).header("If-None-Match", "\"older\"").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(changed.statusCode()).as(path).isEqualTo(200);
            assertThat(changed.body()).as(path).isEqualTo(first.body());
        }
        assertThat(get("/").headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void shouldOfferTheInboxFolderAndASubmitCommandForTheAddressTheBrowserUsed() throws Exception {
        Path inbox = stateDir.resolve("my <data>/inbox");
        Path sources = stateDir.resolve("sources.yaml");
        api = startApi(new Intake(inbox, sources, Intake.Submit.OPEN));

        String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()).body();

        assertThat(page).contains("<code>" + inbox.toAbsolutePath().toString().replace("<", "&lt;")
                        .replace(">", "&gt;") + "</code>", "<code>" + sources.toAbsolutePath() + "</code>",
                "<code>./trendwatch submit --api http://127.0.0.1:" + api.port() + " FILE|URL</code>")
                .doesNotContain("data/inbox/", "<!--intake-->");
    }

    @Test
    void shouldOfferTheSchemeAProxyThatEndsTlsSaysTheBrowserUsed() throws Exception {
        api = startApi(new Intake(stateDir, null, Intake.Submit.TOKEN));

        String page = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/"))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(page).contains("submit --api https://127.0.0.1:" + api.port() + " --token TOKEN FILE|URL");
    }

    @Test
    void shouldOfferSubmittingWithTheTokenOnlyWhereTheServerTakesSubmissions() throws Exception {
        api = startApi(new Intake(stateDir, null, Intake.Submit.TOKEN));
        assertThat(get("/").body()).contains("submit --api http://localhost:" + api.port() + " --token TOKEN FILE|URL",
                "<code>--sources FILE</code>");

        api = startApi(new Intake(stateDir, null, Intake.Submit.NONE));
        assertThat(get("/").body()).contains("<code>" + stateDir.toAbsolutePath() + "</code>")
                .doesNotContain("./trendwatch submit");
    }

    @Test
    void shouldNameNoFolderWhenIngestRunsInAnotherProcess() throws Exception {
        api = startApi(Intake.ELSEWHERE);

        assertThat(get("/").body()).contains("This process runs no ingest stage", "./trendwatch ingest",
                "./trendwatch submit --api URL FILE|URL").doesNotContain("data/inbox", "<!--intake-->");
    }

    private static Handler recordInto(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private HttpResponse<String> head(String path) throws Exception {
        return client.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path));
    }

    private void assertError(String path, int status, String reason) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.body()).as(path).startsWith("{\"error\":").contains(reason);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HealthCheck check() {
        return new HealthCheck() {
            @Override
            public String name() {
                return "test-stage";
            }

            @Override
            public String state() {
                return healthy ? "RUNNING" : "BROKEN";
            }

            @Override
            public boolean healthy() {
                return healthy;
            }
        };
    }
}
