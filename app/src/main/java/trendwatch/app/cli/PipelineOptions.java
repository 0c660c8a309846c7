package trendwatch.app.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;
import trendwatch.app.RunOptions;
import trendwatch.ingest.source.SourcesException;
import trendwatch.ingest.source.SourcesFile;
import trendwatch.model.Durations;
import trendwatch.model.KafkaConnection;
import trendwatch.publish.PublishConfig;

/** The options every pipeline command shares. */
final class PipelineOptions {

    private static final Path DEFAULT_SEEDS = Path.of("seeds");

    @Option(names = "--bootstrap-servers", paramLabel = "H:P",
            description = "Use this Kafka cluster instead of starting the embedded broker.")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE", defaultValue = "${env:TRENDWATCH_KAFKA_CONFIG}",
            description = "Kafka client settings (SASL, TLS) in properties format, as Kafka's own tools take them;"
                    + " may also hold bootstrap.servers (default: $TRENDWATCH_KAFKA_CONFIG).")
    Path kafkaConfig;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "data",
            description = "Broker data, stream state and the inbox folder (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** Null unless given: a folder the user names must exist, the default need not (run from another folder). */
    @Option(names = "--seeds", paramLabel = "DIR",
            description = "Folder of seed articles, published at start (default: seeds).")
    Path seedsDir;

    @Option(names = "--host", defaultValue = "localhost",
            description = "Address the HTTP server binds to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "HTTP port of the dashboard and API (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "9092",
            description = "Port of the embedded broker; its controller uses the next one (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--taxonomy", paramLabel = "FILE",
            description = "A taxonomy YAML file instead of the default six sectors.")
    Path taxonomy;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "3",
            description = "Partitions of topics created at start (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--relabel",
            description = "Re-label all history with the taxonomy before going on (after a taxonomy change;"
                    + " every classify instance must be stopped first).")
    boolean relabel;

    @Option(names = "--sources", paramLabel = "FILE",
            description = "Feeds, pages and folders to watch (default: seeds/sources.yaml when it exists).")
    Path sourcesFile;

    @Option(names = "--api-token", paramLabel = "TOKEN", defaultValue = "${env:TRENDWATCH_API_TOKEN}",
            description = "Bearer token for POST /api/articles; required to submit when --host is not loopback"
                    + " (default: $TRENDWATCH_API_TOKEN).")
    String apiToken;

    @Option(names = "--forget-articles-after", paramLabel = "TIME",
            description = "run and publish: forget an article once publish has read articles written to"
                    + " trend.articles.raw TIME (30d, 12h …) after its latest version. Its counts stay and publish's"
                    + " state stops growing with the articles, but a changed version arriving later counts as a new"
                    + " article and a withdrawal of it subtracts nothing (default: keep every article, exact for"
                    + " ever). Ignored by ingest and classify.")
    String forgetArticlesAfter;

    /** @param ingests whether ingest runs here, which reads the sources file: checked now, before anything starts */
    RunOptions toRunOptions(boolean ingests) {
        if (port < 0 || port > 65535 || kafkaPort < 1 || kafkaPort > 65534) {
            throw new BadInputException("--port and --kafka-port must be valid TCP ports");
        }
        if (partitions < 1) {
            throw new BadInputException("--partitions must be at least 1, not " + partitions);
        }
        requireKnownHost();
        if (ingests && seedsDir != null && !Files.isDirectory(seedsDir)) {
            throw new BadInputException("--seeds " + seedsDir + ": no such folder");
        }
        Path seeds = seedsDir != null ? seedsDir : DEFAULT_SEEDS;
        KafkaConnection kafka = KafkaConfigFile.connection(bootstrapServers, kafkaConfig);
        if (kafka == null) {
            refusePortClash();
        }
        String token = apiToken == null || apiToken.isBlank() ? null : apiToken;
        return new RunOptions(kafka, dataDir, seeds, host, port, kafkaPort, taxonomy, partitions, relabel,
                ingests ? sources(seeds) : null, token, forgetArticlesAfter());
    }

    private void requireKnownHost() {
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new BadInputException("--host " + host + ": unknown host");
        }
    }

    /** Each port is checked free before the start, but the embedded broker would take --port before HTTP could. */
    private void refusePortClash() {
        if (port == kafkaPort || port == kafkaPort + 1) {
            throw new BadInputException("--port " + port + " is taken by the embedded broker, which listens on"
                    + " --kafka-port " + kafkaPort + " and " + (kafkaPort + 1) + ": choose another");
        }
    }

    /** The sources file, read once now, so a mistake in it stops the start before anything has started. */
    private Path sources(Path seeds) {
        if (sourcesFile != null && !Files.isRegularFile(sourcesFile)) {
            throw new BadInputException("--sources " + sourcesFile + ": no such file");
        }
        Path sources = sourcesFile != null ? sourcesFile
                : Files.isRegularFile(seeds.resolve("sources.yaml")) ? seeds.resolve("sources.yaml") : null;
        if (sources != null) {
            try {
                SourcesFile.load(sources);
            } catch (SourcesException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        return sources;
    }

    private Duration forgetArticlesAfter() {
        if (forgetArticlesAfter == null) {
            return null;
        }
        Duration after;
        try {
            after = Durations.parse(forgetArticlesAfter);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--forget-articles-after: " + e.getMessage());
        }
        if (!PublishConfig.forgettableAfter(after)) {
            throw new BadInputException("--forget-articles-after must be longer than zero and at most "
                    + PublishConfig.LONGEST_FORGET_AFTER.toDays() + " days, not " + forgetArticlesAfter);
        }
        refuseToRelabelWhileForgetting();
        return after;
    }

    /** Publish no longer knows the forgotten articles' earlier labels: re-labeling would count them twice. */
    private void refuseToRelabelWhileForgetting() {
        if (relabel) {
            throw new BadInputException("--relabel with --forget-articles-after would count the forgotten articles"
                    + " twice (their earlier labels are no longer known); re-label without it");
        }
    }
}
