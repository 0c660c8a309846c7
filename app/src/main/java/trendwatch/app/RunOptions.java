package trendwatch.app;

import java.nio.file.Path;
import trendwatch.model.KafkaConnection;

/**
 * How to run the pipeline.
 *
 * @param kafka an existing cluster and its client settings, or null to start the embedded broker
 * @param taxonomyFile the user's taxonomy, or null for the default six sectors
 * @param relabel re-label all history with the taxonomy before classifying anything new
 * @param sourcesFile feeds, pages and folders to watch, or null for none
 * @param apiToken the bearer token {@code POST /api/articles} requires, or null (then the endpoint only
 *     accepts submissions while the server listens on loopback)
 */
public record RunOptions(KafkaConnection kafka, Path dataDir, Path seedsDir, String httpHost, int httpPort,
                         int kafkaPort, Path taxonomyFile, int partitions, boolean relabel, Path sourcesFile,
                         String apiToken) {

    public boolean embedded() {
        return kafka == null;
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }
}
