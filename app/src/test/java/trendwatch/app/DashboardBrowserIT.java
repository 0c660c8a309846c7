package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Json;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.TrendCount;
import trendwatch.model.testing.KafkaTestCluster;

/**
 * The dashboard in real headless Chromium against the whole pipeline on a real broker, used as a person would:
 * opened before any data, then watched while the seed article arrives in the inbox, at laptop and phone sizes.
 * Screenshots land in {@code app/target/screenshots/}.
 */
class DashboardBrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Set<String> SIX = Set.of("space", "robots", "chips", "batteries", "driving", "biomed");
    private static final Path SEEDS = Path.of("../seeds");
    private static final String SEED = "000_e66a1ed0cdcaae93.txt";
    private static final String SIDECAR = SEED + ".meta.yaml";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KafkaTestCluster kafka;

    @TempDir
    Path dataDir;

    @TempDir
    Path emptySeeds;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
    }

    @AfterEach
    void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void shouldShowTheEmptyStateThenLiveCountsChartAndEvidenceOnALaptopAndAPhone() throws Exception {
        try (Pipeline pipeline = start(); DashboardBrowser browser = DashboardBrowser.open()) {
            String base = "http://localhost:" + pipeline.httpPort();
            awaitApiReady(pipeline);
            browser.viewport(1366, 800);
            DashboardPage page = new DashboardPage(browser, base + "/").load();
            assertThat(page.title()).startsWith("trendwatch");

            Map<String, Long> before = page.awaitCards(counts -> counts.size() == SIX.size());
            assertThat(before).containsOnlyKeys(SIX).allSatisfy((sector, count) -> assertThat(count).isZero());
            assertThat(page.emptyStateShown()).isTrue();
            assertThat(page.emptyStateText()).as("where this run takes articles in")
                    .contains(dataDir.resolve("inbox").toAbsolutePath().toString(),
                            "./trendwatch submit --api " + base + " FILE|URL");
            assertThat(page.chartShown()).isFalse();
            browser.screenshot("dashboard-empty");

            deliverTheSeedToTheInbox();
            Map<String, Long> expected = awaitCurrentCounts(pipeline);
            deliverAnArticleDatedYearsAhead(pipeline); // must not stretch the chart past now
            assertThat(page.awaitCards(expected::equals)).isEqualTo(expected);
            assertThat(page.emptyStateShown()).isFalse();
            assertThat(page.cardNames()).isEqualTo(sectorNames(pipeline));
            assertStatuses(page, pipeline);

            assertTheChartDrawsEverySector(browser, page, expected);
            assertAClickListsTheSectorsParagraphsWithEvidence(page, pipeline, "chips");
            browser.screenshot("dashboard-laptop");
            browser.fullPageScreenshot("dashboard-laptop-full");

            browser.viewport(390, 844);
            assertTheCardsStackOnAPhone(browser, page);
            browser.screenshot("dashboard-phone");
            browser.fullPageScreenshot("dashboard-phone-full");

            assertThat(page.resourcesLoaded()).as("the page works offline: everything comes from its own server")
                    .isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(base + "/"));
            assertThat(browser.consoleErrors()).as("browser console errors").isEmpty();
        }
    }

    private static void assertTheChartDrawsEverySector(DashboardBrowser browser, DashboardPage page,
                                                       Map<String, Long> expected) {
        List<DashboardPage.Series> series = browser.waitUpTo(DEADLINE).until(d -> {
            List<DashboardPage.Series> drawn = page.chartSeries();
            boolean current = drawn.size() == SIX.size() && drawn.stream()
                    .allMatch(s -> !s.values().isEmpty() && last(s) == expected.get(s.sector()));
            return current ? drawn : null;
        });
        assertThat(series).extracting(DashboardPage.Series::sector).containsExactlyInAnyOrderElementsOf(SIX);
        // the default range is 30 days of day buckets, the ones without counts filled with zeros
        assertThat(series).allSatisfy(s -> assertThat(s.values()).hasSizeGreaterThanOrEqualTo(30)
                .filteredOn(v -> v > 0).hasSize(1));
        assertThat(page.chartCanvasDrawn()).as("the chart's canvas has pixels drawn").isTrue();
    }

    private static void assertAClickListsTheSectorsParagraphsWithEvidence(DashboardPage page, Pipeline pipeline,
                                                                          String sector) throws Exception {
        page.select(sector);
        assertThat(page.pressedCard()).isEqualTo(sector);
        assertThat(page.paragraphsHeading()).contains("推理芯片");
        List<LabeledParagraph> latest = paragraphs(pipeline, sector);
        assertThat(latest).isNotEmpty();
        List<String> keys = latest.stream().map(p -> p.articleId() + ":" + p.index()).toList();
        List<DashboardPage.Paragraph> shown = page.awaitParagraphs(listed ->
                listed.stream().map(DashboardPage.Paragraph::key).toList().equals(keys));

        for (int i = 0; i < shown.size(); i++) {
            LabeledParagraph paragraph = latest.get(i);
            Label label = paragraph.labels().stream().filter(l -> l.sector().equals(sector)).findFirst().orElseThrow();
            Set<String> hitTexts = label.hits().stream()
                    .map(h -> paragraph.text().substring(h.start(), h.end())).collect(Collectors.toSet());
            assertThat(shown.get(i).text()).isEqualTo(paragraph.text());
            assertThat(shown.get(i).marks()).as("marks in paragraph %s", keys.get(i)).allMatch(hitTexts::contains);
            if (!label.hits().isEmpty()) {
                assertThat(shown.get(i).marks()).as("marks in paragraph %s", keys.get(i)).isNotEmpty();
            }
        }
        assertThat(shown).anySatisfy(p -> assertThat(p.marks()).contains("推理芯片"));
    }

    private static void assertTheCardsStackOnAPhone(DashboardBrowser browser, DashboardPage page) {
        browser.waitUpTo(DEADLINE).until(d -> page.widths().get("chart") <= 390);
        Map<String, Double> widths = page.widths();
        assertThat(widths.get("viewport")).isEqualTo(390.0);
        assertThat(widths.get("page")).as("no sideways scrolling").isLessThanOrEqualTo(widths.get("viewport"));
        List<DashboardPage.Box> cards = page.cardBoxes();
        assertThat(cards).hasSize(SIX.size()).allSatisfy(card -> {
            assertThat(card.shown()).as("%s card shown", card.sector()).isTrue();
            assertThat(card.left()).as("%s card left edge", card.sector()).isGreaterThanOrEqualTo(0);
            assertThat(card.right()).as("%s card right edge", card.sector()).isLessThanOrEqualTo(390);
        });
        long rows = cards.stream().map(c -> Math.round(c.top())).distinct().count();
        assertThat(rows).as("card rows at phone width (at most two cards a row)").isGreaterThanOrEqualTo(3);
    }

    private static void assertStatuses(DashboardPage page, Pipeline pipeline) throws Exception {
        HttpResponse<String> summary = get(pipeline, "/api/summary?granularity=day");
        if (summary.statusCode() != 200) {
            return;
        }
        Map<String, String> statuses = new TreeMap<>();
        Json.MAPPER.readTree(summary.body()).forEach(row ->
                statuses.put(row.get("sector").asText(), row.get("status").asText()));
        assertThat(page.cardStatuses()).allSatisfy((sector, shown) ->
                assertThat(shown).endsWith(statuses.get(sector)));
    }

    private Pipeline start() throws Exception {
        RunOptions options = new RunOptions(kafka.connection(), dataDir, emptySeeds, "localhost", 0,
                9092, null, 3, false, null, null);
        return new Pipeline(options, List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH))
                .start();
    }

    /** As a user would: the sidecar first, then the article, moved in whole so it is never read half-written. */
    private void deliverTheSeedToTheInbox() throws Exception {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox"));
        Files.copy(SEEDS.resolve(SIDECAR), inbox.resolve(SIDECAR));
        Path staged = Files.copy(SEEDS.resolve(SEED), dataDir.resolve(SEED + ".part"));
        Files.move(staged, inbox.resolve(SEED), StandardCopyOption.ATOMIC_MOVE);
    }

    private void deliverAnArticleDatedYearsAhead(Pipeline pipeline) throws Exception {
        Path inbox = dataDir.resolve("inbox");
        Files.writeString(inbox.resolve("ahead.md.meta.yaml"), "publishedAt: 2031-06-01T00:00:00Z\n");
        Files.writeString(inbox.resolve("ahead.md"), "# Ahead\n\nNVIDIA's inference GPUs for large language"
                + " model serving double the tokens per second of the chips before them.\n");
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).until(() ->
                get(pipeline, "/api/trends?granularity=day&from=2031-06-01").body().contains("2031-06-01"));
    }

    private static void awaitApiReady(Pipeline pipeline) {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() ->
                get(pipeline, "/api/sectors").statusCode() == 200
                        && get(pipeline, "/api/trends?granularity=day").statusCode() == 200);
    }

    /** Labeled paragraphs per sector in the current day, once all six have some: from the summary if served. */
    private static Map<String, Long> awaitCurrentCounts(Pipeline pipeline) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> currentCounts(pipeline), counts -> counts.keySet().containsAll(SIX)
                        && counts.values().stream().allMatch(n -> n > 0));
    }

    private static Map<String, Long> currentCounts(Pipeline pipeline) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        HttpResponse<String> summary = get(pipeline, "/api/summary?granularity=day");
        if (summary.statusCode() == 200) {
            for (JsonNode row : Json.MAPPER.readTree(summary.body())) {
                counts.put(row.get("sector").asText(), row.get("paragraphs").asLong());
            }
            return counts;
        }
        HttpResponse<String> trends = get(pipeline, "/api/trends?granularity=day");
        if (trends.statusCode() != 200) {
            return counts;
        }
        Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS);
        Json.MAPPER.readValue(trends.body(), new TypeReference<List<TrendCount>>() { }).stream()
                .filter(c -> c.bucketStart().equals(today))
                .forEach(c -> counts.put(c.sector(), c.paragraphs()));
        return counts;
    }

    private static Map<String, List<String>> sectorNames(Pipeline pipeline) throws Exception {
        Map<String, List<String>> names = new TreeMap<>();
        for (JsonNode sector : Json.MAPPER.readTree(get(pipeline, "/api/sectors").body())) {
            names.put(sector.get("id").asText(), List.of(sector.get("zh").asText(), sector.get("en").asText()));
        }
        return names;
    }

    private static List<LabeledParagraph> paragraphs(Pipeline pipeline, String sector) throws Exception {
        return Json.MAPPER.readValue(get(pipeline, "/api/paragraphs?sector=" + sector + "&limit=30").body(),
                new TypeReference<List<LabeledParagraph>>() { });
    }

    private static double last(DashboardPage.Series series) {
        return series.values().get(series.values().size() - 1);
    }

    private static HttpResponse<String> get(Pipeline pipeline, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
