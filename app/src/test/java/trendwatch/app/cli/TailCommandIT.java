package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.app.EmbeddedKafka;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SourceRef;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

class TailCommandIT {

    private KafkaTestCluster kafka;

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.PARAGRAPHS_LABELED.name(), Topics.sector("chips").name()), 1);
    }

    @AfterEach
    void stop() throws Exception {
        kafka.close();
    }

    @Test
    void shouldPrintParagraphsWithTheirSectorsAndEvidence() throws Exception {
        produce(Topics.PARAGRAPHS_LABELED.name(), paragraph(0, "NVIDIA's inference GPUs sold out.",
                new Label("chips", 0.91, List.of("inference", "gpu"))));
        kafka.produce(Topics.PARAGRAPHS_LABELED.name(), "a0".getBytes(StandardCharsets.UTF_8), null);
        produce(Topics.PARAGRAPHS_LABELED.name(), paragraph(1, "It was a quiet day."));
        produce(Topics.sector("chips").name(), paragraph(0, "NVIDIA's inference GPUs sold out.",
                new Label("chips", 0.91, List.of("inference", "gpu"))));

        CommandLineRunner all = CommandLineRunner.run("tail", "--bootstrap-servers", kafka.bootstrapServers(),
                "--from-beginning", "--max", "2");
        CommandLineRunner chips = CommandLineRunner.run("tail", "--bootstrap-servers", kafka.bootstrapServers(),
                "--from-beginning", "--max", "1", "--sector", "chips");

        assertThat(all.exitCode()).isZero();
        // the article's time in this machine's zone, with its year
        String at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault())
                .format(Instant.parse("2025-02-03T01:00:00Z"));
        assertThat(all.out().lines()).containsExactly(
                at + " [chips 0.91 (inference, gpu)] GPU news (a1) ¶0: NVIDIA's inference GPUs sold out.",
                "article a0 withdrawn",
                at + " [-] GPU news (a1) ¶1: It was a quiet day.");
        assertThat(chips.out().lines()).singleElement().asString().contains("chips 0.91");
    }

    @Test
    void shouldRejectAnUnknownSectorTopic() {
        CommandLineRunner result = CommandLineRunner.run("tail", "--bootstrap-servers", kafka.bootstrapServers(),
                "--sector", "NOT A SECTOR");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a sector id");
    }

    @Test
    void shouldNotCreateTheTopicOfASectorItSaysDoesNotExist(@TempDir Path dataDir) throws Exception {
        // the broker of `./trendwatch run`, which creates a topic a client's metadata request names unless the client
        // says not to: the check itself used to create trend.sector.nosuch (one partition), and the next tail then
        // waited on that empty topic for ever
        try (EmbeddedKafka broker = EmbeddedKafka.start(dataDir, freePort(), freePort());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            CommandLineRunner result = CommandLineRunner.run("tail", "--bootstrap-servers", broker.bootstrapServers(),
                    "--sector", "nosuch", "--max", "1");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err()).contains("topic trend.sector.nosuch does not exist");
            // the broker creates such a topic a moment after answering the metadata request
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.listTopics().names().get()).doesNotContain(Topics.sector("nosuch").name()));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void produce(String topic, LabeledParagraph paragraph) throws Exception {
        kafka.produce(topic, "a1".getBytes(StandardCharsets.UTF_8),
                Topics.PARAGRAPHS_LABELED.valueSerde().serializer().serialize(topic, paragraph));
    }

    private static LabeledParagraph paragraph(int index, String text, Label... labels) {
        Instant t = Instant.parse("2025-02-03T01:00:00Z");
        return new LabeledParagraph(LabeledParagraph.SCHEMA, "a1", index, text, "en", List.of(labels), t, t,
                new SourceRef("folder", "inbox", null), null, "GPU news", "v1");
    }
}
