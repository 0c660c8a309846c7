package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.KafkaConnection;
import trendwatch.model.taxonomy.Taxonomy;

/** The Streams stages as {@code run} builds them; no broker is needed before {@code start()}. */
class StreamsStageTest {

    @TempDir
    Path dataDir;

    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void shouldShowClassifysDeadLettersAtZeroBeforeTheFirst() {
        try (StreamsStage classify = Stages.classify(options(), kafka(), Taxonomy.loadDefault(), meters)) {
            assertThat(meters.scrape()).contains("trendwatch_dlq_records_total{stage=\"classify\"} 0.0");
        }
    }

    @Test
    void shouldShowPublishsDeadLettersAtZeroBeforeTheFirst() {
        try (StreamsStage publish = Stages.publish(options(), kafka(), meters, "localhost:8080")) {
            assertThat(meters.scrape()).contains("trendwatch_dlq_records_total{stage=\"publish\"} 0.0");
        }
    }

    private RunOptions options() {
        return new RunOptions(kafka(), dataDir, dataDir.resolve("seeds"), "localhost", 0, 9092, null, 1, false, null,
                null);
    }

    private static KafkaConnection kafka() {
        return KafkaConnection.of("localhost:1");
    }
}
