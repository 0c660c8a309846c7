package trendwatch.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import trendwatch.classify.ClassifyConfig;
import trendwatch.classify.ClassifyTopology;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.FolderSource;
import trendwatch.ingest.IngestConfig;
import trendwatch.ingest.IngestService;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.publish.PublishConfig;
import trendwatch.publish.PublishTopology;

/** Builds each stage from the run options; used by {@code run} (all stages) and by the one-stage commands. */
public final class Stages {

    private Stages() {
    }

    public static Taxonomy taxonomy(RunOptions options) {
        return options.taxonomyFile() == null ? Taxonomy.loadDefault() : Taxonomy.load(options.taxonomyFile());
    }

    public static IngestService ingest(RunOptions options, KafkaConnection kafka, MeterRegistry meters)
            throws IOException {
        IngestService.ensureFolder(options.inbox());
        List<FolderSource> folders = List.of(new FolderSource("seeds", options.seedsDir()),
                new FolderSource("inbox", options.inbox()));
        return new IngestService(new IngestConfig(kafka, folders, options.sourcesFile(),
                FileArticleReader.DEFAULT_MAX_BYTES, IngestConfig.DEFAULT_POLL_INTERVAL,
                IngestConfig.DEFAULT_TRANSACTIONAL_ID, options.dataDir().resolve("ingest-seen"), FetchPolicy.defaults(),
                meters, Clock.systemUTC()));
    }

    public static StreamsStage classify(RunOptions options, KafkaConnection kafka, Taxonomy taxonomy,
                                        MeterRegistry meters) {
        return new StreamsStage("classify", ClassifyTopology.build(new ClassifyConfig(taxonomy, meters)),
                ClassifyTopology.settings(StreamsSettings.exactlyOnce(ClassifyTopology.APPLICATION_ID, kafka,
                        stateDir(options))), meters);
    }

    /** {@code applicationServer} is this instance's HTTP address, advertised to the other publish instances. */
    public static StreamsStage publish(RunOptions options, KafkaConnection kafka, MeterRegistry meters,
                                       String applicationServer) {
        Properties settings = PublishTopology.settings(StreamsSettings.exactlyOnce(PublishTopology.APPLICATION_ID,
                kafka, stateDir(options)));
        settings.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        return new StreamsStage("publish", PublishTopology.build(new PublishConfig(Clock.systemUTC(), meters,
                options.forgetArticlesAfter())),
                settings, meters);
    }

    private static Path stateDir(RunOptions options) {
        return options.dataDir().resolve("streams");
    }
}
