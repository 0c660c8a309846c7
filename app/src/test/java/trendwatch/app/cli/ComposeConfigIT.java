package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import trendwatch.model.Json;

/**
 * What Docker Compose v2 itself makes of the project's compose files ({@code docker compose config}, no engine
 * needed): that it accepts them, and what the existing-cluster override's {@code !reset} and profiles leave of
 * the bundled file, which {@link ComposeFileTest} cannot see by reading the YAML.
 */
class ComposeConfigIT {

    private static final List<String> STAGES = List.of("ingest", "classify", "publish");
    private static final String EXISTING_CLUSTER = "deploy/compose/existing-cluster.yml";
    private static final String BROKERS = "broker-a:9092,broker-b:9092";
    private static final String SMOKE_BROKERS = "deploy/compose/smoke/kafka-standin.yml";
    private static final String SMOKE_PROMETHEUS = "deploy/compose/smoke/prometheus-image.yml";
    private static final String SMOKE_SOURCES = "deploy/compose/smoke/offline-sources.yml";

    private final DockerCompose compose = DockerCompose.find();

    private JsonNode config(Map<String, String> variables, String... files) {
        List<String> args = new ArrayList<>();
        for (String file : files) {
            args.addAll(List.of("-f", file));
        }
        args.addAll(List.of("config", "--format", "json"));
        DockerCompose.Result result = compose.run(variables, args.toArray(String[]::new));
        assertThat(result.exitCode()).as("docker compose %s: %s", args, result.stderr()).isZero();
        try {
            return Json.MAPPER.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> services(JsonNode config) {
        Set<String> names = new TreeSet<>();
        config.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> command(JsonNode service) {
        List<String> words = new ArrayList<>();
        service.path("command").forEach(word -> words.add(word.asText()));
        return words;
    }

    @Test
    void shouldAcceptTheBundledClusterFileWithEveryServiceItStarts() {
        JsonNode config = config(Map.of(), "docker-compose.yml");

        assertThat(services(config)).containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "ingest", "classify",
                "publish", "prometheus", "grafana");
        assertThat(config.at("/services/classify/deploy/replicas").asInt()).isEqualTo(2);
        assertThat(config.at("/services/publish/deploy/replicas").asInt()).isEqualTo(2);
        for (String stage : STAGES) {
            assertThat(command(config.path("services").path(stage))).as(stage)
                    .containsSequence("--bootstrap-servers", "kafka-1:9092,kafka-2:9092,kafka-3:9092");
        }
    }

    @Test
    void shouldPassTheApiTokenOfTheEnvironmentToIngest() {
        JsonNode config = config(Map.of("TRENDWATCH_API_TOKEN", "s3cret"), "docker-compose.yml");

        assertThat(config.at("/services/ingest/environment/TRENDWATCH_API_TOKEN").asText()).isEqualTo("s3cret");
    }

    @Test
    void shouldRunTheStagesAloneAgainstAnExistingCluster() {
        JsonNode config = config(Map.of("TRENDWATCH_BOOTSTRAP_SERVERS", BROKERS), "docker-compose.yml",
                EXISTING_CLUSTER);

        assertThat(services(config)).as("the bundled brokers stay out of `up`")
                .containsExactlyInAnyOrder("ingest", "classify", "publish", "prometheus", "grafana");
        for (String stage : STAGES) {
            JsonNode service = config.path("services").path(stage);
            assertThat(command(service)).as(stage).containsSequence("--bootstrap-servers", BROKERS);
            assertThat(service.path("depends_on").size()).as("%s waits for no bundled broker", stage).isZero();
            assertThat(service.at("/environment/TRENDWATCH_KAFKA_CONFIG").asText())
                    .isEqualTo("/app/config/kafka.properties");
            assertThat(clientFolder(service)).as(stage).isEqualTo(
                    ComposeFile.PROJECT.resolve("deploy/compose/kafka-client").toAbsolutePath().normalize());
        }
    }

    @Test
    void shouldMountTheClientFolderTheUserNames() {
        JsonNode config = config(Map.of("TRENDWATCH_BOOTSTRAP_SERVERS", BROKERS, "TRENDWATCH_KAFKA_CLIENT_DIR",
                "/etc/trendwatch-kafka"), "docker-compose.yml", EXISTING_CLUSTER);

        for (String stage : STAGES) {
            assertThat(clientFolder(config.path("services").path(stage))).as(stage)
                    .isEqualTo(Path.of("/etc/trendwatch-kafka"));
        }
    }

    @Test
    void shouldStopNamingTheVariableWhenNoBrokersAreGivenForAnExistingCluster() {
        DockerCompose.Result result = compose.run(Map.of(), "-f", "docker-compose.yml", "-f", EXISTING_CLUSTER,
                "config", "--quiet");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("set TRENDWATCH_BOOTSTRAP_SERVERS to your brokers").hasLineCount(1);
    }

    @Test
    void shouldGiveTheSmokeTestsBrokersTheBundledFilesSettingsAndLeaveTheOtherServicesAlone() {
        JsonNode bundled = config(Map.of(), "docker-compose.yml");
        JsonNode smoke = config(Map.of(), "docker-compose.yml", SMOKE_BROKERS, SMOKE_PROMETHEUS);

        assertThat(services(smoke)).isEqualTo(services(bundled));
        for (String name : services(bundled)) {
            JsonNode before = bundled.path("services").path(name);
            JsonNode after = smoke.path("services").path(name);
            if (!name.startsWith("kafka-")) {
                assertThat(after).as(name).isEqualTo(before);
                continue;
            }
            assertThat(after.path("image").asText()).as(name).isEqualTo(bundled.at("/services/ingest/image").asText());
            assertThat(after.path("entrypoint").toString()).as(name).contains("/smoke/kafka-standin.sh");
            assertThat(after.path("environment")).as(name).isEqualTo(before.path("environment"));
            assertThat(after.path("ports")).as(name).isEqualTo(before.path("ports"));
            assertThat(after.path("volumes").findValuesAsText("target")).as(name)
                    .containsAll(before.path("volumes").findValuesAsText("target"));
            assertThat(smokeFolder(after).resolve("kafka-standin.sh")).as(name).isRegularFile();
        }
    }

    @Test
    void shouldGiveTheSmokeTestsPrometheusTheImageNamedAndNothingElse() {
        JsonNode bundled = config(Map.of(), "docker-compose.yml").at("/services/prometheus");
        JsonNode smoke = config(Map.of("TRENDWATCH_PROMETHEUS_IMAGE", "mirror.example/prometheus:2"),
                "docker-compose.yml", SMOKE_PROMETHEUS).at("/services/prometheus");

        assertThat(smoke.path("image").asText()).isEqualTo("mirror.example/prometheus:2");
        JsonNode smokeWithoutImage = ((ObjectNode) smoke.deepCopy()).without("image");
        JsonNode bundledWithoutImage = ((ObjectNode) bundled.deepCopy()).without("image");
        assertThat(smokeWithoutImage).isEqualTo(bundledWithoutImage);
    }

    @Test
    void shouldGiveTheSmokeTestsIngestNoSourcesAndOtherwiseTheBundledCommand() {
        JsonNode bundled = config(Map.of(), "docker-compose.yml").at("/services/ingest");
        JsonNode smoke = config(Map.of(), "docker-compose.yml", SMOKE_SOURCES).at("/services/ingest");

        List<String> expected = new ArrayList<>(command(bundled));
        expected.set(expected.indexOf("--sources") + 1, "/smoke/no-sources.yaml");
        assertThat(command(smoke)).isEqualTo(expected);
        assertThat(smokeFolder(smoke).resolve("no-sources.yaml")).content().contains("sources: []");
    }

    /** The folder a smoke test override mounts at /smoke. */
    private static Path smokeFolder(JsonNode service) {
        return Path.of(volume(service, "/smoke").path("source").asText());
    }

    /** The read-only folder mounted at /app/config, where --kafka-config points. */
    private static Path clientFolder(JsonNode service) {
        JsonNode volume = volume(service, "/app/config");
        assertThat(volume.path("type").asText()).isEqualTo("bind");
        assertThat(volume.path("read_only").asBoolean()).isTrue();
        return Path.of(volume.path("source").asText());
    }

    /** The service's volume mounted at {@code target}. */
    private static JsonNode volume(JsonNode service, String target) {
        for (JsonNode volume : service.path("volumes")) {
            if (volume.path("target").asText().equals(target)) {
                return volume;
            }
        }
        throw new AssertionError("no volume at " + target + ": " + service.path("volumes"));
    }
}
