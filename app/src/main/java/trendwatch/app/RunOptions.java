package trendwatch.app;

import java.nio.file.Path;

/**
 * How to run the pipeline.
 *
 * @param bootstrapServers an existing cluster, or null to start the embedded broker
 * @param taxonomyFile the user's taxonomy, or null for the default six sectors
 * @param relabel re-label all history with the taxonomy before classifying anything new
 * @param sourcesFile feeds, pages and folders to watch, or null for none
 * @param apiToken the bearer token {@code POST /api/articles} requires, or null (then the endpoint only
 *     accepts submissions while the server listens on loopback)
 */
public record RunOptions(String bootstrapServers, Path dataDir, Path seedsDir, String httpHost, int httpPort,
                         int kafkaPort, Path taxonomyFile, int partitions, boolean relabel, Path sourcesFile,
                         String apiToken) {

    public boolean embedded() {
        return bootstrapServers == null;
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }
}
