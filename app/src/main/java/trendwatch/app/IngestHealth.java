package trendwatch.app;

import trendwatch.ingest.IngestService;
import trendwatch.publish.HealthCheck;

/**
 * Ingest's line in {@code /health}. It is registered before ingest starts: loading what ingest published before
 * can take a while, and an HTTP server that is already up must not report a process healthy meanwhile.
 */
final class IngestHealth implements HealthCheck {

    private final IngestService ingest;

    IngestHealth(IngestService ingest) {
        this.ingest = ingest;
    }

    @Override
    public String name() {
        return "ingest";
    }

    @Override
    public String state() {
        if (ingest.sink() == null) {
            return "STARTING";
        }
        return ingest.healthy() ? "RUNNING" : "FAILING";
    }

    @Override
    public boolean healthy() {
        return ingest.healthy();
    }
}
