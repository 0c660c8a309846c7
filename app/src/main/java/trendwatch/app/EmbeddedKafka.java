package trendwatch.app;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.internals.Exit;

/**
 * A single-node KRaft broker (broker and controller in one) inside this JVM, for {@code trendwatch run}.
 * The log directory is formatted on first use only, so data survives restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {

    /** How long the broker leaves written records in the page cache before it syncs them to disk. */
    static final int FLUSH_INTERVAL_MS = 1000;

    private final KafkaRaftServer server;
    private final int port;

    private EmbeddedKafka(KafkaRaftServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static EmbeddedKafka start(Path logDir, int port, int controllerPort) throws IOException {
        return start(logDir, port, controllerPort, Map.of());
    }

    /** As {@link #start(Path, int, int)}, with broker settings of one's own on top (the benchmarks' experiments). */
    public static EmbeddedKafka start(Path logDir, int port, int controllerPort, Map<String, String> overrides)
            throws IOException {
        neverExitJvm();
        Properties config = config(logDir, port, controllerPort);
        config.putAll(overrides);
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format(config);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        try {
            server.startup();
        } catch (Throwable t) {
            // a half-started controller keeps non-daemon threads alive and would hang the JVM
            server.shutdown();
            server.awaitShutdown();
            throw t;
        }
        return new EmbeddedKafka(server, port);
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Kafka halts the JVM on some fatal errors (a controller port in use); turn that into an exception. */
    private static void neverExitJvm() {
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("embedded Kafka wanted to exit (" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("embedded Kafka wanted to halt (" + code + "): " + message);
        });
    }

    private static Properties config(Path logDir, int port, int controllerPort) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "localhost:" + controllerPort);
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "1");
        // as the brokers of docker-compose.yml: the stages create every topic they need, and a subscriber's typo
        // (trend.sector.chip) must not become a topic of its own
        p.put("auto.create.topics.enable", "false");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        // after an unclean stop the next start waits for the old registration to expire: keep that short
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        // the log cleaner's 128 MiB default buffer is sized for big clusters
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        // the broker shares the machine with the stages: unthrottled, compacting trend.articles.raw's rolled
        // segments took a core for a few seconds and counts fell a second behind (LatencyBench: counts up to 2 s
        // 56-62 s into a run at half the maximum rate; gone with the cleaner off, and with this throttle)
        p.put("log.cleaner.io.max.bytes.per.second", Integer.toString(8 * 1024 * 1024));
        p.put("message.max.bytes", Integer.toString(trendwatch.model.StreamsSettings.MAX_RECORD_BYTES));
        // Left to Linux, the pipeline's writes (~60 MB/s near its maximum) piled up as dirty pages until the
        // kernel's background threshold (10 % of free memory, ~1.7 GB here) and then went to disk at once, every
        // ~33 s; the broker's appends stalled behind that and counts fell up to 2.7 s behind (LatencyBench half:
        // 17 slow seconds in 120, none with this flush). One broker has no replica to cover a machine crash
        // either: this bounds what a power cut loses to about a second. Kafka starts flushing 30 s after start.
        p.put("log.flush.interval.ms", Integer.toString(FLUSH_INTERVAL_MS));
        p.put("log.flush.scheduler.interval.ms", Integer.toString(FLUSH_INTERVAL_MS / 2));
        return p;
    }

    private static void format(Properties config) throws IOException {
        Path file = Files.createTempFile("trendwatch-kafka", ".properties");
        try {
            try (Writer w = Files.newBufferedWriter(file)) {
                config.store(w, null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int rc = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", file.toString(), "--standalone"}, new PrintStream(out, true, StandardCharsets.UTF_8));
            if (rc != 0) {
                throw new IOException("formatting the Kafka log directory failed: " + out);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
