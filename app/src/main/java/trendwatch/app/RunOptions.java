package trendwatch.app;

import java.nio.file.Path;

/**
 * How to run the pipeline.
 *
 * @param bootstrapServers an existing cluster, or null to start the embedded broker
 * @param taxonomyFile the user's taxonomy, or null for the default six sectors
 * @param relabel re-label all history with the taxonomy before classifying anything new
 */
public record RunOptions(String bootstrapServers, Path dataDir, Path seedsDir, String httpHost, int httpPort,
                         int kafkaPort, Path taxonomyFile, int partitions, boolean relabel) {

    public boolean embedded() {
        return bootstrapServers == null;
    }

    public Path inbox() {
        return dataDir.resolve("inbox");
    }
}
