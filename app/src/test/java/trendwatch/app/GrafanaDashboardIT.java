package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/**
 * The provisioned Grafana dashboard and the Prometheus config in {@code deploy/}: the dashboard is one Grafana can
 * load, and every PromQL expression in it reads metrics that a running pipeline really exposes on {@code /metrics}.
 */
class GrafanaDashboardIT {

    private static final Path DEPLOY = Path.of("../deploy");
    private static final Path DASHBOARD = DEPLOY.resolve("grafana/dashboards/trendwatch.json");
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String ROBOTS_NOW = "{\"title\":\"Humanoids clock in\",\"body\":\"Unitree, Figure and Tesla's"
            + " Optimus humanoid robots began factory trials, and embodied AI start-ups raised new rounds to train"
            + " them.\"}";
    private static final String DATASOURCE_VARIABLE = "${DS_PROMETHEUS}";
    private static final String PROVISIONED_DATASOURCE = "prometheus";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** What the dashboard must show: per-sector trends, bursts and the pipeline's health. */
    private static final Set<String> MUST_SHOW = Set.of("trendwatch_paragraphs_labeled_total",
            "trendwatch_trend_paragraphs", "trendwatch_trend_share", "trendwatch_trend_zscore",
            "trendwatch_bursts_total", "trendwatch_paragraphs_classified_total", "trendwatch_ingest_articles_total",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_stream_thread_commit_latency_avg",
            "kafka_stream_thread_process_rate", "trendwatch_dlq_records_total", "trendwatch_ingest_fetches_total",
            "trendwatch_ingest_last_success_seconds");

    @TempDir
    Path dataDir;

    @Test
    void shouldQueryOnlyMetricsThatTheRunningPipelineExposes() throws Exception {
        Map<String, Set<String>> usedBy = metricsUsedByPanel(dashboard());
        try (KafkaTestCluster kafka = KafkaTestCluster.start(); GrafanaFeedSite site = new GrafanaFeedSite();
             Pipeline pipeline = start(kafka, site)) {
            await(pipeline, "/api/trends?granularity=day", body -> body.contains("\"sector\""));
            await(pipeline, "/api/trends?granularity=day&from=2025-02-03&to=2025-02-03&sector=robots",
                    body -> body.contains("\"robots\""));
            await(pipeline, "/metrics",
                    body -> body.contains("trendwatch_ingest_fetches_total{outcome=\"not-modified\""));
            // The feed's article made February 2025 the robots series' history: more robots paragraphs now, far
            // above that baseline, are a burst (a counter that only exists once one has fired).
            assertThat(post(pipeline, "/api/articles", ROBOTS_NOW).statusCode()).isEqualTo(202);
            // A record that is not an Article: classify sends it to trend.dlq and counts it.
            kafka.produce(Topics.ARTICLES_RAW.name(), "grafana-bad".getBytes(StandardCharsets.UTF_8),
                    "{not json".getBytes(StandardCharsets.UTF_8));
            await(pipeline, "/metrics", body -> body.contains("trendwatch_dlq_records_total{"));

            Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                Map<String, Boolean> exposed = samples(get(pipeline, "/metrics").body());
                assertThat(select(usedBy, name -> !exposed.containsKey(name)))
                        .as("metrics the dashboard queries (with the panels that query them) but /metrics does not "
                                + "expose").isEmpty();
                // Kafka's windowed client metrics are NaN while a client idles; trendwatch's own never should be.
                assertThat(select(usedBy, name -> name.startsWith("trendwatch_") && !exposed.get(name)))
                        .as("trendwatch metrics the dashboard queries whose every sample is NaN: their panels would "
                                + "stay empty").isEmpty();
            });
        }
    }

    /**
     * Every publish instance reports the whole cluster's current buckets (it asks the others for theirs), so with two
     * instances a sum over them would show every count twice.
     */
    @Test
    void shouldNotAddUpTheTrendGaugesOfSeveralPublishInstances() throws Exception {
        List<String> trendQueries = new ArrayList<>();
        for (JsonNode panel : panels(dashboard())) {
            panel.path("targets").forEach(target -> {
                if (target.path("expr").asText().contains("trendwatch_trend_")) {
                    trendQueries.add(target.path("expr").asText());
                }
            });
        }
        assertThat(trendQueries).isNotEmpty().allSatisfy(expr -> assertThat(expr).doesNotContain("sum"));
    }

    @Test
    void shouldBeADashboardGrafanaCanProvision() throws Exception {
        JsonNode dashboard = dashboard();

        assertThat(dashboard.path("uid").asText()).isEqualTo("trendwatch");
        assertThat(dashboard.path("title").asText()).isEqualTo("trendwatch — sector trends");
        assertThat(dashboard.path("schemaVersion").asInt()).isBetween(36, 41);
        List<JsonNode> panels = panels(dashboard);
        assertThat(panels).extracting(p -> p.path("id").asInt()).doesNotHaveDuplicates().doesNotContain(0);
        for (JsonNode panel : panels) {
            assertThat(panel.path("datasource").path("uid").asText()).as("datasource of panel %s", title(panel))
                    .isIn(DATASOURCE_VARIABLE, PROVISIONED_DATASOURCE);
            assertThat(panel.has("gridPos")).as("gridPos of panel %s", title(panel)).isTrue();
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("targets")).as("queries of panel %s", title(panel)).isNotEmpty();
            }
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("expr").asText()).as("a query of panel %s", title(panel)).isNotBlank();
                assertThat(target.path("datasource").path("uid").asText(DATASOURCE_VARIABLE))
                        .as("datasource of a query of panel %s", title(panel))
                        .isIn(DATASOURCE_VARIABLE, PROVISIONED_DATASOURCE);
            }
            assertThat(panel.path("targets")).extracting(t -> t.path("refId").asText())
                    .as("refIds of panel %s", title(panel)).doesNotHaveDuplicates();
        }
        assertThat(variable(dashboard, "DS_PROMETHEUS").path("type").asText()).isEqualTo("datasource");
        assertThat(variable(dashboard, "DS_PROMETHEUS").path("query").asText()).isEqualTo("prometheus");
        assertThat(query(variable(dashboard, "sector")))
                .isEqualTo("label_values(trendwatch_paragraphs_labeled_total, sector)");
        assertThat(metricsUsedByPanel(dashboard).keySet()).containsAll(MUST_SHOW);
    }

    @Test
    void shouldProvisionThePrometheusDataSourceAndTheDashboardsFolder() throws Exception {
        JsonNode datasources = yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertThat(datasources).anySatisfy(ds -> {
            assertThat(ds.path("type").asText()).isEqualTo("prometheus");
            assertThat(ds.path("uid").asText()).isEqualTo(PROVISIONED_DATASOURCE);
            assertThat(ds.path("url").asText()).startsWith("http://");
        });
        JsonNode providers = yaml("grafana/provisioning/dashboards/trendwatch.yml").path("providers");
        assertThat(providers).anySatisfy(p -> {
            assertThat(p.path("type").asText()).isEqualTo("file");
            assertThat(p.path("options").path("path").asText()).isNotBlank();
        });
    }

    /**
     * Compose's config scrapes the stages' replicas by DNS and nothing on the host, whose :8080 is publish's first
     * replica again; the local config scrapes a {@code ./trendwatch run} on the host.
     */
    @Test
    void shouldScrapeTrendwatchOnPort8080EveryFifteenSeconds() throws Exception {
        assertThat(scrapeTargets("prometheus/prometheus.yml"))
                .containsExactlyInAnyOrder("ingest:8080", "classify:8080", "publish:8080");
        assertThat(scrapeTargets("prometheus/prometheus-local.yml")).containsExactly("host.docker.internal:8080");
    }

    private static List<String> scrapeTargets(String file) throws IOException {
        JsonNode config = yaml(file);
        JsonNode job = null;
        for (JsonNode scrape : config.path("scrape_configs")) {
            if (scrape.path("job_name").asText().equals("trendwatch")) {
                job = scrape;
            }
        }
        assertThat(job).as("scrape config of job trendwatch").isNotNull();
        assertThat(job.path("scrape_interval").asText(config.path("global").path("scrape_interval").asText()))
                .isEqualTo("15s");
        assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo("/metrics");
        List<String> targets = new ArrayList<>();
        job.path("static_configs").forEach(group -> group.path("targets").forEach(t -> targets.add(t.asText())));
        job.path("dns_sd_configs").forEach(group -> group.path("names")
                .forEach(name -> targets.add(name.asText() + ":" + group.path("port").asInt())));
        return targets;
    }

    private Pipeline start(KafkaTestCluster kafka, GrafanaFeedSite site) throws Exception {
        Path sources = Files.writeString(dataDir.resolve("sources.yaml"), """
                sources:
                  - {id: grafana-feed, type: feed, url: "%s", minInterval: 1s, maxInterval: 2s, fullText: never}
                  - {id: grafana-gone, type: feed, url: "%s", minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/feed.xml"), site.url("/gone.xml")));
        RunOptions options = new RunOptions(kafka.connection(), dataDir, Path.of("../seeds"),
                "localhost", 0, 9092, null, 3, false, sources, null);
        return new Pipeline(options, List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH))
                .start();
    }

    /** Metric name → the titles of the panels (and variables) whose queries read it. */
    private static Map<String, Set<String>> metricsUsedByPanel(JsonNode dashboard) {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                GrafanaPromQl.metricNames(target.path("expr").asText())
                        .forEach(name -> usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(title(panel)));
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                String title = "variable $" + variable.path("name").asText();
                GrafanaPromQl.templateMetricNames(query(variable))
                        .forEach(name -> usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(title));
            }
        }
        return usedBy;
    }

    private static Map<String, Set<String>> select(Map<String, Set<String>> usedBy,
                                                   java.util.function.Predicate<String> metric) {
        return usedBy.entrySet().stream().filter(e -> metric.test(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    /**
     * The sample names in a Prometheus text exposition ({@code name} or {@code name{...}} at the start of a line),
     * each with whether any of its samples has a value other than NaN. These are the names Prometheus stores and
     * PromQL selects: {@code foo_sum} and {@code foo_count} of a timer count, the family name {@code foo} alone
     * does not.
     */
    static Map<String, Boolean> samples(String exposition) {
        Map<String, Boolean> samples = new HashMap<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String name = line.split("[{ ]", 2)[0];
                String rest = line.startsWith(name + "{") ? line.substring(line.lastIndexOf('}') + 1)
                        : line.substring(name.length());
                String value = rest.trim().split(" ")[0];
                samples.merge(name, !value.equals("NaN"), Boolean::logicalOr);
            }
        }
        return samples;
    }

    /** Every panel, including those nested in (collapsed) rows. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> all = new ArrayList<>();
        collect(dashboard.path("panels"), all);
        return all;
    }

    private static void collect(JsonNode panels, List<JsonNode> into) {
        for (JsonNode panel : panels) {
            into.add(panel);
            collect(panel.path("panels"), into);
        }
    }

    private static JsonNode variable(JsonNode dashboard, String name) {
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("the dashboard has no variable " + name);
    }

    /** A variable's query: a string, or (Grafana 10+) an object holding it. */
    private static String query(JsonNode variable) {
        JsonNode query = variable.path("query");
        return query.isTextual() ? query.asText() : query.path("query").asText();
    }

    private static String title(JsonNode panel) {
        return panel.path("title").asText() + " (id " + panel.path("id").asText() + ")";
    }

    private static JsonNode dashboard() throws IOException {
        return JSON.readTree(Files.readString(DASHBOARD));
    }

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(Files.readString(DEPLOY.resolve(file)));
    }

    private static void await(Pipeline pipeline, String path, java.util.function.Predicate<String> done) {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> get(pipeline, path).body(), done);
    }

    private static HttpResponse<String> post(Pipeline pipeline, String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.httpPort() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(Pipeline pipeline, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
