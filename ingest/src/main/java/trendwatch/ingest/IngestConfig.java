package trendwatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** What the ingest stage runs with. */
public record IngestConfig(String bootstrapServers, List<FolderSource> folders, long maxFileBytes,
                           Duration pollInterval, String transactionalId, MeterRegistry meters, Clock clock) {

    public static final String DEFAULT_TRANSACTIONAL_ID = "trendwatch-ingest";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
}
