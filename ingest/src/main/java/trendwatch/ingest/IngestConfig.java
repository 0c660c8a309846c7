package trendwatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.KafkaConnection;

/**
 * What the ingest stage runs with.
 *
 * @param folders folders always watched (the seeds and the inbox)
 * @param sourcesFile the sources file (feeds, pages, more folders), or null for none
 * @param seenDir where ingest keeps its memory of the articles it published, rebuilt from its topic at every start
 *     (emptied first: one ingest's own)
 */
public record IngestConfig(KafkaConnection kafka, List<FolderSource> folders, Path sourcesFile,
                           long maxFileBytes, Duration pollInterval, String transactionalId, Path seenDir,
                           FetchPolicy fetchPolicy, MeterRegistry meters, Clock clock) {

    public static final String DEFAULT_TRANSACTIONAL_ID = "trendwatch-ingest";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
}
