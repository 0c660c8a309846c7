package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.app.Pipeline;
import trendwatch.app.RunOptions;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/** A cluster that needs a SASL login: every stage and {@code tail} reach it with {@code --kafka-config}. */
class KafkaConfigIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private KafkaTestCluster kafka;

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.startWithSaslPlain();
    }

    @AfterEach
    void stop() throws Exception {
        kafka.close();
    }

    @Test
    void shouldRunThePipelineAndTailWithTheClientSettingsOfTheFile() throws Exception {
        Path config = writeConfig(kafka.bootstrapServers(), KafkaTestCluster.SASL_PLAIN_CLIENT);
        RunOptions options = new RunOptions(KafkaConfigFile.connection(null, config), work.resolve("data"),
                Path.of("../seeds"), "localhost", 0, 9092, null, 3, false, null, null);

        try (Pipeline pipeline = new Pipeline(options,
                List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH)).start()) {
            assertThat(kafka.readUntil(Topics.COUNTS.name(), records -> !records.isEmpty(), DEADLINE))
                    .isNotEmpty();
            CommandLineRunner tail = CommandLineRunner.run("tail", "--kafka-config", config.toString(),
                    "--from-beginning", "--max", "3");

            assertThat(tail.exitCode()).as(tail.err()).isZero();
            assertThat(tail.out().lines()).hasSize(3);
        }
    }

    @Test
    void shouldTellAStageWithoutBootstrapServersWhereToPutThem() throws Exception {
        Path config = writeConfig(null, KafkaTestCluster.SASL_PLAIN_CLIENT);

        CommandLineRunner result = CommandLineRunner.run("classify", "--kafka-config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).startsWith("trendwatch classify: --kafka-config " + config)
                .contains("give --bootstrap-servers or set bootstrap.servers in the file").doesNotContain("\n");
    }

    private Path writeConfig(String bootstrapServers, Map<String, String> settings) throws IOException {
        Properties properties = new Properties();
        properties.putAll(settings);
        if (bootstrapServers != null) {
            properties.put("bootstrap.servers", bootstrapServers);
        }
        Path file = work.resolve("kafka.properties");
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "client settings");
        }
        return file;
    }
}
