package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
        produce(Topics.PARAGRAPHS_LABELED.name(), paragraph(1, "It was a quiet day."));
        produce(Topics.sector("chips").name(), paragraph(0, "NVIDIA's inference GPUs sold out.",
                new Label("chips", 0.91, List.of("inference", "gpu"))));

        CommandLineRunner all = CommandLineRunner.run("tail", "--bootstrap-servers", kafka.bootstrapServers(),
                "--from-beginning", "--max", "2");
        CommandLineRunner chips = CommandLineRunner.run("tail", "--bootstrap-servers", kafka.bootstrapServers(),
                "--from-beginning", "--max", "1", "--sector", "chips");

        assertThat(all.exitCode()).isZero();
        assertThat(all.out().lines()).hasSize(2);
        assertThat(all.out().lines().findFirst().orElseThrow())
                .contains("[chips 0.91 (inference, gpu)] GPU news ¶0: NVIDIA's inference GPUs sold out.");
        assertThat(all.out()).contains("[-] GPU news ¶1: It was a quiet day.");
        assertThat(chips.out().lines()).singleElement().asString().contains("chips 0.91");
    }

    @Test
    void shouldRejectAnUnknownSectorTopic() {
        CommandLineRunner result = CommandLineRunner.run("tail", "--bootstrap-servers", kafka.bootstrapServers(),
                "--sector", "NOT A SECTOR");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not a sector id");
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
