package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kafka.server.KafkaConfig;
import org.apache.kafka.server.config.AbstractKafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import trendwatch.model.StreamsSettings;

/**
 * Holds {@code docker-compose.yml} and the {@code Dockerfile} to the app's own configuration: its subcommands and
 * option names and defaults, the record size of its topics, the Prometheus and Grafana files under deploy/, and
 * the Kafka broker's configuration names. Reads the files only; needs no Docker.
 */
class ComposeFileTest {

    private static final List<String> STAGES = List.of("ingest", "classify", "publish");
    /** The stage whose service builds the image all stages run. */
    private static final String BUILDING_STAGE = "ingest";

    /** Variables the apache/kafka image hands to the JVM or its scripts rather than turning into properties. */
    private static final Set<String> KAFKA_IMAGE_JVM_VARIABLES = Set.of("KAFKA_HEAP_OPTS", "KAFKA_OPTS",
            "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_JMX_OPTS", "KAFKA_VERSION");

    @TempDir
    Path dir;
    private final ComposeFile compose = ComposeFile.load();
    private final CommandLine cli = Main.commandLine();

    /** The file with its commented-out {@code key=value} examples switched on. */
    private Path uncommented(Path file) throws java.io.IOException {
        String text = Files.readString(file).replaceAll("(?m)^#([a-z][a-z.]*=)", "$1");
        return Files.writeString(dir.resolve("kafka-client.properties"), text);
    }

    private CommandSpec subcommand(String name) {
        CommandLine sub = cli.getSubcommands().get(name);
        assertThat(sub).as("trendwatch has a subcommand %s", name).isNotNull();
        return sub.getCommandSpec();
    }

    private String defaultOf(String subcommand, String option) {
        OptionSpec spec = subcommand(subcommand).findOption(option);
        assertThat(spec).as("trendwatch %s %s", subcommand, option).isNotNull();
        return spec.defaultValue();
    }

    private int httpPort(String stage) {
        return Integer.parseInt(compose.option(stage, "--port").orElse(defaultOf(stage, "--port")));
    }

    // ---- the stages' commands ----------------------------------------------------------------------------------

    @Test
    void shouldRunEachStageServiceWithTheSubcommandOfTheSameName() {
        for (String stage : STAGES) {
            assertThat(compose.command(stage)).as("command of service %s", stage).first().isEqualTo(stage);
            assertThat(cli.getSubcommands()).containsKey(stage);
        }
    }

    @Test
    void shouldPassOnlyOptionsTheStageSubcommandKnows() {
        for (String stage : STAGES) {
            List<String> command = compose.command(stage);
            CommandSpec spec = subcommand(command.get(0));
            for (String arg : command.subList(1, command.size())) {
                if (arg.startsWith("-")) {
                    String name = arg.split("=", 2)[0];
                    assertThat(spec.findOption(name)).as("service %s: trendwatch %s has no option %s", stage,
                            command.get(0), name).isNotNull();
                }
            }
        }
    }

    @Test
    void shouldGiveEveryOptionAValueTheCommandLineAccepts() {
        for (String stage : STAGES) {
            List<String> command = compose.command(stage);
            assertThatCode(() -> Main.commandLine().parseArgs(command.toArray(String[]::new)))
                    .as("service %s: trendwatch %s", stage, String.join(" ", command))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void shouldPointEveryStageAtExactlyTheBrokersInternalListeners() {
        Set<String> internal = new TreeSet<>();
        for (String broker : compose.brokers()) {
            internal.add(listener(compose.environment(broker).get("KAFKA_ADVERTISED_LISTENERS"),
                    compose.environment(broker).get("KAFKA_INTER_BROKER_LISTENER_NAME")));
        }
        assertThat(internal).hasSize(3);
        for (String stage : STAGES) {
            String bootstrap = compose.option(stage, "--bootstrap-servers").orElseThrow(
                    () -> new AssertionError(stage + " has no --bootstrap-servers"));
            assertThat(new TreeSet<>(List.of(bootstrap.split(",")))).as("service %s --bootstrap-servers", stage)
                    .isEqualTo(internal);
        }
    }

    /** The host:port a listener list advertises for one listener name. */
    private static String listener(String listeners, String name) {
        for (String l : listeners.split(",")) {
            if (l.startsWith(name + "://")) {
                return l.substring(name.length() + 3);
            }
        }
        throw new AssertionError("no " + name + " listener in " + listeners);
    }

    @Test
    void shouldCreateTopicsWithAtLeastOnePartitionPerReplica() {
        for (String stage : STAGES) {
            int partitions = Integer.parseInt(compose.option(stage, "--partitions")
                    .orElse(defaultOf(stage, "--partitions")));
            assertThat(partitions).as("service %s: --partitions vs deploy.replicas", stage)
                    .isGreaterThanOrEqualTo(compose.replicas(stage));
        }
    }

    @Test
    void shouldRunTwoReplicasOfClassifyAndPublishAndOneIngest() {
        assertThat(compose.replicas("classify")).isEqualTo(2);
        assertThat(compose.replicas("publish")).isEqualTo(2);
        assertThat(compose.replicas("ingest")).isEqualTo(1);
    }

    @Test
    void shouldKeepEachStagesDataDirectoryOnAVolumeOfItsOwn() {
        for (String stage : STAGES) {
            String dataDir = compose.option(stage, "--data-dir").orElseThrow(
                    () -> new AssertionError(stage + " has no --data-dir"));
            List<ComposeFile.Volume> mounted = compose.volumes(stage).stream()
                    .filter(v -> v.target().equals(dataDir)).toList();
            assertThat(mounted).as("service %s: a volume at --data-dir %s", stage, dataDir).hasSize(1);
            if (compose.replicas(stage) > 1) {
                // a named volume or a host folder would be shared by the replicas' Kafka Streams state
                assertThat(mounted.get(0).source()).as("service %s has replicas: its data volume is anonymous", stage)
                        .isNull();
            }
        }
    }

    @Test
    void shouldPassTheApiTokenToTheStageThatServesTheSubmitEndpoint() {
        // the option's default as written, before picocli looks the variable up
        Field apiToken = (Field) subcommand("ingest").findOption("--api-token").userObject();
        assertThat(apiToken.getAnnotation(CommandLine.Option.class).defaultValue())
                .isEqualTo("${env:TRENDWATCH_API_TOKEN}");
        assertThat(compose.environment("ingest")).as("service ingest environment").containsKey("TRENDWATCH_API_TOKEN");
    }

    @Test
    void shouldGiveEveryStageTheClientSettingsOfTheMountedFolderOnAnExistingCluster() {
        Field kafkaConfig = (Field) subcommand("classify").findOption("--kafka-config").userObject();
        assertThat(kafkaConfig.getAnnotation(CommandLine.Option.class).defaultValue())
                .isEqualTo("${env:TRENDWATCH_KAFKA_CONFIG}");
        JsonNode override = ComposeFile.readYaml(ComposeFile.PROJECT.resolve("deploy/compose/existing-cluster.yml"));
        for (String stage : STAGES) {
            JsonNode service = override.path("services").path(stage);
            String file = service.path("environment").path("TRENDWATCH_KAFKA_CONFIG").asText();
            String mount = service.path("volumes").path(0).asText();
            String[] parts = ComposeFile.interpolate(mount).split(":");
            assertThat(file).as("service %s TRENDWATCH_KAFKA_CONFIG", stage).startsWith(parts[1] + "/");
            Path shipped = ComposeFile.PROJECT.resolve(parts[0]).resolve(Path.of(file).getFileName());
            // the shipped file is empty of settings: PLAINTEXT, and every example in it is a valid setting
            assertThat(KafkaConfigFile.read(shipped)).isEmpty();
            assertThatCode(() -> KafkaConfigFile.read(uncommented(shipped))).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldStartTheStagesOnlyOnceEveryBrokerIsHealthy() {
        for (String stage : STAGES) {
            Map<String, String> dependsOn = compose.dependsOn(stage);
            for (String broker : compose.brokers()) {
                assertThat(dependsOn).as("service %s depends_on", stage).containsEntry(broker, "service_healthy");
            }
        }
        for (String broker : compose.brokers()) {
            assertThat(compose.service(broker).path("healthcheck").path("test").isArray())
                    .as("broker %s has a healthcheck", broker).isTrue();
        }
    }

    // ---- HTTP port -----------------------------------------------------------------------------------------------

    @Test
    void shouldServeHttpOnTheAppsDefaultPortBeyondLoopback() {
        int defaultPort = Integer.parseInt(defaultOf("publish", "--port"));
        assertThat(defaultPort).isEqualTo(8080);
        for (String stage : STAGES) {
            assertThat(httpPort(stage)).as("service %s --port", stage).isEqualTo(defaultPort);
            assertThat(compose.option(stage, "--host")).as("service %s --host", stage).contains("0.0.0.0");
        }
        assertThat(compose.containerPorts("publish")).as("publish's published ports").containsOnly(defaultPort);
        assertThat(compose.containerPorts("ingest")).as("ingest's published ports (POST /api/articles)")
                .containsOnly(defaultPort);
    }

    /** Every stage serves /health on its --port, so none needs the image's check turned off. */
    @Test
    void shouldHealthCheckEveryStage() {
        for (String stage : STAGES) {
            assertThat(compose.service(stage).path("healthcheck").path("disable").asBoolean(false))
                    .as("service %s turns the image's health check off", stage).isFalse();
        }
    }

    @Test
    void shouldBeScrapedByPrometheusOnEveryReplicaOfEachStage() {
        Set<String> dnsTargets = new HashSet<>();
        JsonNode prometheus = ComposeFile.readYaml(ComposeFile.PROJECT.resolve("deploy/prometheus/prometheus.yml"));
        prometheus.path("scrape_configs").forEach(job -> job.path("dns_sd_configs").forEach(group -> {
            assertThat(group.path("type").asText()).as("record type").isEqualTo("A");
            group.path("names").forEach(name -> dnsTargets.add(name.asText() + ":" + group.path("port").asInt()));
        }));
        for (String stage : STAGES) {
            // an A lookup of a service name returns every replica; a static target would be one of them per scrape
            assertThat(dnsTargets).as("Prometheus DNS targets").contains(stage + ":" + httpPort(stage));
        }
    }

    @Test
    void shouldMountThePrometheusConfigOfDeploy() {
        assertThat(compose.volumes("prometheus")).contains(
                new ComposeFile.Volume("./deploy/prometheus/prometheus.yml", "/etc/prometheus/prometheus.yml"));
        assertThat(ComposeFile.PROJECT.resolve("deploy/prometheus/prometheus.yml")).isRegularFile();
    }

    // ---- Grafana -------------------------------------------------------------------------------------------------

    @Test
    void shouldMountGrafanasProvisioningAndDashboardsFromExistingFoldersOfDeploy() {
        Map<String, String> bySource = new TreeMap<>();
        for (ComposeFile.Volume v : compose.volumes("grafana")) {
            if (v.bindMount()) {
                bySource.put(v.source(), v.target());
                assertThat(v.source()).startsWith("./deploy/grafana/");
                assertThat(ComposeFile.PROJECT.resolve(v.source())).as("grafana mount %s", v.source()).isDirectory();
            }
        }
        assertThat(bySource).containsEntry("./deploy/grafana/provisioning", "/etc/grafana/provisioning")
                .containsEntry("./deploy/grafana/dashboards", "/var/lib/grafana/dashboards");
    }

    @Test
    void shouldLoadDashboardsFromWhereTheDashboardsFolderIsMounted() {
        JsonNode providers = ComposeFile.readYaml(
                ComposeFile.PROJECT.resolve("deploy/grafana/provisioning/dashboards/trendwatch.yml"));
        List<String> paths = new ArrayList<>();
        providers.path("providers").forEach(p -> paths.add(p.path("options").path("path").asText()));
        String mounted = compose.volumes("grafana").stream()
                .filter(v -> "./deploy/grafana/dashboards".equals(v.source()))
                .map(ComposeFile.Volume::target).findFirst().orElseThrow();
        assertThat(paths).containsExactly(mounted);
    }

    @Test
    void shouldPointGrafanasDataSourceAtThePrometheusService() {
        JsonNode sources = ComposeFile.readYaml(
                ComposeFile.PROJECT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
        URI url = URI.create(sources.path("datasources").get(0).path("url").asText());
        assertThat(compose.services()).contains(url.getHost());
        assertThat(compose.containerPorts(url.getHost())).contains(url.getPort());
    }

    @Test
    void shouldLetAnonymousVisitorsViewGrafana() {
        assertThat(compose.environment("grafana")).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
                .containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        assertThat(compose.containerPorts("grafana")).contains(3000);
    }

    // ---- Kafka ---------------------------------------------------------------------------------------------------

    @Test
    void shouldRunThreeBrokersOfTheOfficialApacheKafkaImage() {
        assertThat(compose.brokers()).containsExactly("kafka-1", "kafka-2", "kafka-3");
        for (String broker : compose.brokers()) {
            assertThat(compose.service(broker).path("image").asText()).matches("apache/kafka:4\\.\\d+\\.\\d+");
        }
    }

    @Test
    void shouldReplicateEveryTopicThreeTimesAndAcknowledgeOnTwo() {
        for (String broker : compose.brokers()) {
            assertThat(compose.environment(broker)).as("broker %s", broker)
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2");
        }
    }

    @Test
    void shouldAcceptRecordsAsLargeAsTheContractTopicsTake() {
        for (String broker : compose.brokers()) {
            assertThat(Integer.parseInt(compose.environment(broker).get("KAFKA_MESSAGE_MAX_BYTES")))
                    .as("broker %s message.max.bytes", broker)
                    .isGreaterThanOrEqualTo(StreamsSettings.MAX_RECORD_BYTES);
        }
    }

    @Test
    void shouldFormOneQuorumOfThreeCombinedBrokerControllers() {
        Set<String> voters = new TreeSet<>();
        Set<String> clusterIds = new TreeSet<>();
        Set<String> nodeIds = new TreeSet<>();
        Pattern controller = Pattern.compile("CONTROLLER://[^:]*:(\\d+)");
        for (String broker : compose.brokers()) {
            Map<String, String> env = compose.environment(broker);
            assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
            Matcher port = controller.matcher(env.get("KAFKA_LISTENERS"));
            assertThat(port.find()).as("broker %s has a CONTROLLER listener", broker).isTrue();
            assertThat(compose.service(broker).path("hostname").asText(broker)).isEqualTo(broker);
            voters.add(env.get("KAFKA_NODE_ID") + "@" + broker + ":" + port.group(1));
            clusterIds.add(env.get("CLUSTER_ID"));
            nodeIds.add(env.get("KAFKA_NODE_ID"));
        }
        assertThat(nodeIds).hasSize(3);
        assertThat(clusterIds).hasSize(1);
        for (String broker : compose.brokers()) {
            assertThat(new TreeSet<>(List.of(compose.environment(broker).get("KAFKA_CONTROLLER_QUORUM_VOTERS")
                    .split(",")))).as("broker %s quorum voters", broker).isEqualTo(voters);
        }
    }

    @Test
    void shouldConfigureEachBrokerOnlyWithSettingsKafkaKnows() {
        Set<String> known = AbstractKafkaConfig.CONFIG_DEF.names();
        for (String broker : compose.brokers()) {
            for (String property : brokerProperties(broker).stringPropertyNames()) {
                assertThat(known).as("broker %s: %s is a Kafka broker setting", broker, property).contains(property);
            }
        }
    }

    @Test
    void shouldGiveEachBrokerAConfigurationKafkaAccepts() {
        for (String broker : compose.brokers()) {
            Properties props = brokerProperties(broker);
            assertThatCode(() -> KafkaConfig.fromProps(props, false)).as("broker %s: %s", broker, props)
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void shouldKeepEachBrokersLogOnANamedVolume() {
        for (String broker : compose.brokers()) {
            String logDirs = compose.environment(broker).get("KAFKA_LOG_DIRS");
            assertThat(compose.volumes(broker)).as("broker %s", broker).anySatisfy(v -> {
                assertThat(v.target()).isEqualTo(logDirs);
                assertThat(v.source()).isNotNull().doesNotStartWith(".").doesNotStartWith("/");
            });
        }
    }

    /**
     * The server properties the apache/kafka image makes of a service's environment: every {@code KAFKA_} variable
     * but its JVM ones, without the prefix, {@code _} to {@code .}, {@code __} to {@code _}, {@code ___} to
     * {@code -}, lower case.
     */
    private Properties brokerProperties(String broker) {
        Properties props = new Properties();
        compose.environment(broker).forEach((name, value) -> {
            if (name.startsWith("KAFKA_") && !KAFKA_IMAGE_JVM_VARIABLES.contains(name)) {
                props.setProperty(propertyName(name.substring("KAFKA_".length())), value);
            }
        });
        return props;
    }

    private static String propertyName(String variable) {
        Matcher underscores = Pattern.compile("_+").matcher(variable);
        StringBuilder out = new StringBuilder();
        while (underscores.find()) {
            String replacement = switch (underscores.group().length()) {
                case 1 -> ".";
                case 2 -> "_";
                case 3 -> "-";
                default -> throw new AssertionError("undefined underscores in " + variable);
            };
            underscores.appendReplacement(out, replacement);
        }
        underscores.appendTail(out);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    // ---- the image -----------------------------------------------------------------------------------------------

    @Test
    void shouldBuildOneImageFromTheProjectsDockerfileThatEveryStageRuns() {
        JsonNode build = compose.service(BUILDING_STAGE).path("build");
        String context = build.isTextual() ? build.asText() : build.path("context").asText();
        assertThat(ComposeFile.PROJECT.resolve(context).resolve("Dockerfile")).as("service %s build", BUILDING_STAGE)
                .isRegularFile();
        String image = compose.service(BUILDING_STAGE).path("image").asText();
        for (String stage : STAGES) {
            assertThat(compose.service(stage).path("image").asText()).as("service %s image", stage).isEqualTo(image);
            if (!stage.equals(BUILDING_STAGE)) {
                // a build of its own would label the image with the service, and every `up` would recreate the
                // stages whose containers run another service's image; nor does any registry have the image
                assertThat(compose.service(stage).has("build")).as("service %s builds an image of its own", stage)
                        .isFalse();
                assertThat(compose.service(stage).path("pull_policy").asText()).as("service %s pull_policy", stage)
                        .isEqualTo("never");
            }
        }
    }

    @Test
    void shouldPassTheDockerfilesBaseImagesAsBuildArgumentsWithItsOwnDefaults() {
        Map<String, String> dockerfileArgs = ComposeDockerfile.load(ComposeFile.PROJECT.resolve("Dockerfile"))
                .globalArgs();
        assertThat(dockerfileArgs).containsOnlyKeys("BUILD_IMAGE", "RUNTIME_IMAGE");
        JsonNode args = compose.service(BUILDING_STAGE).path("build").path("args");
        for (Map.Entry<String, String> arg : dockerfileArgs.entrySet()) {
            // ${TRENDWATCH_<ARG>:-default}: the variable is the user's, the default must stay the Dockerfile's
            assertThat(args.path(arg.getKey()).asText()).as("build arg %s", arg.getKey())
                    .isEqualTo("${TRENDWATCH_" + arg.getKey() + ":-" + arg.getValue() + "}");
        }
    }

    @Test
    void shouldRunTheJarFromItsEntrypoint() {
        ComposeDockerfile dockerfile = ComposeDockerfile.load(ComposeFile.PROJECT.resolve("Dockerfile"));
        assertThat(dockerfile.entrypoint()).containsExactly("java", "-jar", "/app/trendwatch.jar");
    }

    @Test
    void shouldCopyTheJarAndItsLibFolderSideBySide() {
        ComposeDockerfile runtime = ComposeDockerfile.load(ComposeFile.PROJECT.resolve("Dockerfile")).finalStage();
        String jar = destination(runtime, "app/target/trendwatch.jar");
        String lib = destination(runtime, "app/target/lib/");
        assertThat(jar).isEqualTo("/app/trendwatch.jar");
        // the jar's manifest Class-Path is lib/…, relative to the jar
        assertThat(Path.of(lib).normalize()).isEqualTo(Path.of(jar).resolveSibling("lib"));
    }

    @Test
    void shouldCopyTheSeedsWhereTheIngestServiceLooksForThem() {
        ComposeDockerfile runtime = ComposeDockerfile.load(ComposeFile.PROJECT.resolve("Dockerfile")).finalStage();
        String seeds = compose.option("ingest", "--seeds").orElseThrow();
        assertThat(Path.of(destination(runtime, "seeds/")).normalize()).isEqualTo(Path.of(seeds));
        assertThat(Files.isRegularFile(ComposeFile.PROJECT.resolve("seeds/sources.yaml"))).isTrue();
        compose.option("ingest", "--sources").ifPresent(sources ->
                assertThat(Path.of(sources).getParent()).isEqualTo(Path.of(seeds)));
    }

    @Test
    void shouldExposeAndHealthCheckTheAppsDefaultPort() {
        ComposeDockerfile runtime = ComposeDockerfile.load(ComposeFile.PROJECT.resolve("Dockerfile")).finalStage();
        String port = defaultOf("publish", "--port");
        assertThat(runtime.all("EXPOSE")).extracting(ComposeDockerfile.Instruction::arguments).containsExactly(port);
        assertThat(runtime.all("HEALTHCHECK")).singleElement().extracting(ComposeDockerfile.Instruction::arguments)
                .asString().contains("localhost:" + port + "/health");
    }

    @Test
    void shouldRunTheImageAsANonRootUser() {
        ComposeDockerfile runtime = ComposeDockerfile.load(ComposeFile.PROJECT.resolve("Dockerfile")).finalStage();
        assertThat(runtime.all("USER")).isNotEmpty().last().extracting(ComposeDockerfile.Instruction::arguments)
                .asString().isNotIn("root", "0");
    }

    /** Where the final stage copies a build output from the build stage. */
    private static String destination(ComposeDockerfile stage, String buildOutput) {
        return stage.copies().stream()
                .filter(c -> c.sources().stream().anyMatch(s -> s.endsWith(buildOutput)))
                .map(ComposeDockerfile.Copy::destination)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the Dockerfile's final stage copies no " + buildOutput));
    }
}
