package trendwatch.app;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param forgetArticlesAfter how long publish keeps an article after its latest version, or null for ever
 */
public record RunOptions(KafkaConnection kafka, Path dataDir, Path seedsDir, String httpHost, int httpPort,
                         int kafkaPort, Path taxonomyFile, int partitions, boolean relabel, Path sourcesFile,
                         String apiToken, Duration forgetArticlesAfter) {

    /** Keeps every article in publish's table, as {@code run} does by default. */
    public RunOptions(KafkaConnection kafka, Path dataDir, Path seedsDir, String httpHost, int httpPort, int kafkaPort,
                      Path taxonomyFile, int partitions, boolean relabel, Path sourcesFile, String apiToken) {
        this(kafka, dataDir, seedsDir, httpHost, httpPort, kafkaPort, taxonomyFile, partitions, relabel, sourcesFile,
                apiToken, null);
    }

    public boolean embedded() {
        return kafka == null;
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }
}
