package trendwatch.app;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import com.sun.net.httpserver.HttpHandler;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.IngestService;
import trendwatch.ingest.api.SubmitHandler;
import trendwatch.ingest.api.WithdrawHandler;
import trendwatch.ingest.api.Submitter;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StartupException;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.publish.ClusterCountStores;
import trendwatch.publish.TopicPartitionCounts;
import trendwatch.publish.HealthCheck;
import trendwatch.publish.HttpApi;
import trendwatch.publish.Intake;
import trendwatch.publish.RecentBursts;
import trendwatch.publish.RecentParagraphs;
import trendwatch.publish.TrendMetrics;
import trendwatch.publish.TrendQueries;

/**
 * The stages of the pipeline started together in one process, in dependency order, and stopped in reverse.
 * Each part is optional so the one-stage commands can reuse the same wiring.
 */
public final class Pipeline implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    /** Which stages this process runs. */
    public enum Part { INGEST, CLASSIFY, PUBLISH }

    private final RunOptions options;
    private final List<Part> parts;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<HealthCheck> health = new CopyOnWriteArrayList<>();
    private volatile boolean closed;
    private KafkaConnection kafka;
    private HttpApi http;
    private StageHttp stageHttp;
    private int httpPort = -1;

    public Pipeline(RunOptions options, List<Part> parts) {
        this.options = options;
        this.parts = parts;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int httpPort() {
        return httpPort;
    }

    public Pipeline start() throws Exception {
        try {
            Taxonomy taxonomy = Stages.taxonomy(options);
            checkPorts();
            if (options.embedded()) {
                own(DataDirLock.acquire(options.dataDir()));
            }
            bindJvmMetrics();
            kafka = options.embedded() ? startBroker() : options.kafka();
            List<String> created = TopicSetup.ensure(kafka, taxonomy.sectorIds(), options.partitions());
            if (!created.isEmpty()) {
                LOG.info("kafka: created topics {}", created);
            }
            if (parts.contains(Part.CLASSIFY)) {
                if (options.relabel()) {
                    Relabel.rewindClassify(kafka);
                }
                startStage(Stages.classify(options, kafka, taxonomy, meters));
            }
            if (parts.contains(Part.PUBLISH)) {
                startPublish(taxonomy);
            } else {
                startStageHttp();
            }
            if (parts.contains(Part.INGEST)) {
                startIngest();
            }
            return this;
        } catch (Exception | Error e) {
            boolean stoppedByUser = closed;
            close();
            if (stoppedByUser) {
                throw new StartupException("stopped before it finished starting");
            }
            throw e;
        }
    }

    private void checkPorts() {
        if (options.embedded()) {
            Ports.requireFree("localhost", options.kafkaPort(), "Kafka");
            Ports.requireFree("localhost", options.kafkaPort() + 1, "Kafka controller");
        }
        Ports.requireFree(options.httpHost(), options.httpPort(), "HTTP");
    }

    private void bindJvmMetrics() {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmGcMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
    }

    private KafkaConnection startBroker() throws Exception {
        EmbeddedKafka broker = EmbeddedKafka.start(options.dataDir().resolve("kafka"), options.kafkaPort(),
                options.kafkaPort() + 1);
        own(broker);
        LOG.info("kafka ready: embedded broker on {} (data in {})", broker.bootstrapServers(),
                options.dataDir().resolve("kafka"));
        return KafkaConnection.of(broker.bootstrapServers());
    }

    private StreamsStage startStage(StreamsStage stage) throws Exception {
        own(stage);
        health.add(stage);
        stage.start();
        if (!stage.awaitRunning(READY_TIMEOUT)) {
            throw new StartupException(stage.name() + " did not reach RUNNING within " + READY_TIMEOUT.toSeconds()
                    + " s (state " + stage.state() + ")");
        }
        LOG.info("{} ready", stage.name());
        return stage;
    }

    /**
     * The HTTP server binds first, so its port is known: Kafka Streams advertises it ({@code application.server})
     * and every publish instance can answer for the buckets the others hold.
     */
    private void startPublish(Taxonomy taxonomy) throws Exception {
        AtomicReference<KafkaStreams> streams = new AtomicReference<>();
        RecentParagraphs paragraphs = own(new RecentParagraphs(kafka, taxonomy.sectorIds()));
        paragraphs.start();
        RecentBursts bursts = own(new RecentBursts(kafka));
        bursts.start();
        AtomicReference<HostInfo> self = new AtomicReference<>();
        ClusterCountStores counts = new ClusterCountStores(streams::get, self::get,
                new TopicPartitionCounts(kafka));
        TrendQueries trends = new TrendQueries(counts, Clock.systemUTC());
        http = own(new HttpApi(options.httpHost(), options.httpPort(), new HttpApi.Sources(taxonomy, trends,
                counts.local(), paragraphs, bursts, meters, health, intake())));
        self.set(new HostInfo(advertisedHost(), http.port()));
        String advertised = self.get().host() + ":" + self.get().port();
        StreamsStage publish = Stages.publish(options, kafka, meters, advertised);
        streams.set(publish.streams());
        startStage(publish);
        new TrendMetrics(trends, taxonomy.sectorIds()).bindTo(meters);
        http.start();
        httpPort = http.port();
        LOG.info("dashboard: http://{}:{}/", options.httpHost(), http.port());
    }

    /** A stage without publish still serves its metrics and health (and ingest its submit endpoint). */
    private void startStageHttp() throws Exception {
        stageHttp = own(new StageHttp(options.httpHost(), options.httpPort(), meters, health));
        stageHttp.start();
        httpPort = stageHttp.port();
        LOG.info("metrics and health: http://{}:{}/metrics", options.httpHost(), httpPort);
    }

    /** What the dashboard's empty state offers: this process's inbox and submit endpoint when ingest runs here. */
    private Intake intake() throws Exception {
        return parts.contains(Part.INGEST) ? new Intake(options.inbox(), options.sourcesFile(), submitting())
                : Intake.ELSEWHERE;
    }

    /** See {@link RunOptions#apiToken()}: without a token, submissions are taken on loopback only. */
    private Intake.Submit submitting() throws Exception {
        if (options.apiToken() != null) {
            return Intake.Submit.TOKEN;
        }
        return InetAddress.getByName(options.httpHost()).isLoopbackAddress() ? Intake.Submit.OPEN : Intake.Submit.NONE;
    }

    /** The address other publish instances reach this one at: the bound host, or this machine's name. */
    private String advertisedHost() throws Exception {
        String host = options.httpHost();
        return host.equals("0.0.0.0") || host.equals("::") ? InetAddress.getLocalHost().getHostName() : host;
    }

    private void startIngest() throws Exception {
        IngestService ingest = Stages.ingest(options, kafka, meters);
        own(ingest);
        health.add(new IngestHealth(ingest));
        ingest.start();
        mountIngestApi(ingest);
        LOG.info("ingest ready: watching {} and {}{}", options.seedsDir(), options.inbox(),
                options.sourcesFile() == null ? "" : ", polling the sources of " + options.sourcesFile());
    }

    /** Submissions and source health on the dashboard's server; see {@link RunOptions#apiToken()}. */
    private void mountIngestApi(IngestService ingest) throws Exception {
        BiConsumer<String, HttpHandler> routes = http != null ? http::mount : stageHttp::mount;
        routes.accept("/api/sources", exchange -> HttpApi.sendJson(exchange, 200, ingest.sources()));
        if (submitting() == Intake.Submit.NONE) {
            HttpHandler disabled = exchange -> HttpApi.sendJson(exchange, 403, Map.of("error",
                    "submitting and withdrawing are disabled: the server listens beyond loopback and no --api-token"
                            + " is set"));
            routes.accept("/api/articles", disabled);
            routes.accept("/api/articles/", disabled);
            LOG.warn("ingest: POST and DELETE /api/articles are disabled: listening on {} without --api-token",
                    options.httpHost());
            return;
        }
        HttpHandler submit = new SubmitHandler(new Submitter(ingest.fetcher(), ingest.sink(), Clock.systemUTC(),
                ingest::watchedFileId), FileArticleReader.DEFAULT_MAX_BYTES, options.apiToken());
        HttpHandler withdraw = new WithdrawHandler(ingest.sink(), Clock.systemUTC(), options.apiToken());
        routes.accept("/api/articles", submit);
        // the longer route takes "/api/articles/" too, where clients that add a slash have always submitted
        routes.accept("/api/articles/", exchange -> (exchange.getRequestURI().getRawPath().equals("/api/articles/")
                ? submit : withdraw).handle(exchange));
    }

    /**
     * Takes ownership of a started part. A Ctrl-C can arrive while the pipeline is still starting: then the
     * part is closed at once and starting stops here.
     */
    private synchronized <T extends AutoCloseable> T own(T part) throws Exception {
        if (closed) {
            part.close();
            throw new StartupException("stopped while starting");
        }
        started.push(part);
        return part;
    }

    /** Stops everything that was started, newest first; never throws; safe to call while starting. */
    @Override
    public synchronized void close() {
        closed = true;
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        meters.close();
    }
}
