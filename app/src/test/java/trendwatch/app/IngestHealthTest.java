package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.IngestConfig;
import trendwatch.ingest.IngestService;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.KafkaConnection;

class IngestHealthTest {

    @TempDir
    Path dir;

    @Test
    void shouldReportAnIngestThatHasNotStartedYetAsStartingAndNotHealthy() {
        IngestService ingest = new IngestService(new IngestConfig(KafkaConnection.of("localhost:1"), List.of(), null,
                FileArticleReader.DEFAULT_MAX_BYTES, Duration.ofSeconds(1), IngestConfig.DEFAULT_TRANSACTIONAL_ID,
                dir.resolve("seen"), FetchPolicy.defaults(), new SimpleMeterRegistry(), Clock.systemUTC()));
        IngestHealth health = new IngestHealth(ingest);

        assertThat(health.state()).isEqualTo("STARTING");
        assertThat(health.healthy()).isFalse();
    }
}
