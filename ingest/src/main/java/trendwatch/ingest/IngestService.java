package trendwatch.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.ingest.source.SourceRunner;
import trendwatch.ingest.source.SourceSpec;
import trendwatch.ingest.source.SourceView;

/**
 * The ingest stage: every article of its sources is published to {@code trend.articles.raw} once, and again
 * only when its content changes.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final ScheduledExecutorService folderThread = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "ingest-folders"));
    private final CountDownLatch firstScanDone = new CountDownLatch(1);
    private int scansDone;
    private volatile ArticleSink sink;
    private FolderScanner folders;
    private Fetcher fetcher;
    private SourceRunner sources;

    public IngestService(IngestConfig config) {
        this.config = config;
    }

    /** Loads what was published before, then polls the folders in the background. */
    public void start() {
        sink = ArticleSink.open(config.kafka(), config.transactionalId(), config.seenDir());
        FunctionCounter.builder("trendwatch.ingest.transactions", sink, ArticleSink::transactions)
                .description("transactions ingest committed; articles that came together share one")
                .register(config.meters());
        folders = new FolderScanner(config.folders(), configFiles(),
                new FileArticleReader(config.maxFileBytes(), config.clock()), sink, config.meters());
        fetcher = new Fetcher(config.fetchPolicy());
        if (config.sourcesFile() != null) {
            sources = new SourceRunner(config.sourcesFile(), fetcher, sink, config.meters(), config.clock(),
                    extra -> folders.watch(allFolders(extra)));
            sources.start(config.kafka());
        }
        folderThread.scheduleWithFixedDelay(this::scanFolders, 0, config.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.info("ingest: remembers {} published articles; watching {}", sink.size(),
                config.folders().stream().map(f -> f.dir().toString()).toList());
    }

    /** The sources file is read by ingest, never published, whatever its name and wherever it lies. */
    private Set<Path> configFiles() {
        return config.sourcesFile() == null ? Set.of() : Set.of(config.sourcesFile());
    }

    private List<FolderSource> allFolders(List<SourceSpec.Folder> extra) {
        List<FolderSource> all = new ArrayList<>(config.folders());
        extra.forEach(folder -> all.add(new FolderSource(folder.id(), folder.path())));
        return all;
    }

    /** The polled sources and their state, for {@code /api/sources}; empty without a sources file. */
    public List<SourceView> sources() {
        return sources == null ? List.of() : sources.sources();
    }

    /** The fetcher, shared with the submit endpoint so per-host politeness covers both. */
    public Fetcher fetcher() {
        return fetcher;
    }

    /** The id a watched folder gives {@code file} (a real path of this machine), if one holds it. */
    public Optional<String> watchedFileId(Path file) {
        return folders.idOf(file);
    }

    /** The sink the sources publish through; null before {@link #start()}. */
    public ArticleSink sink() {
        return sink;
    }

    /** True once the folders' existing files have all been handled. */
    public boolean awaitFirstScans(Duration timeout) throws InterruptedException {
        return firstScanDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Running, and its last write to Kafka went through (false while the broker is unreachable, for example). */
    public boolean healthy() {
        return sink != null && sink.publishing() && !folderThread.isShutdown();
    }

    private void scanFolders() {
        try {
            folders.scan();
            // a file settles when two scans agree, so the second scan has handled every file present at start
            if (++scansDone == 2) {
                firstScanDone.countDown();
            }
        } catch (RuntimeException e) {
            LOG.error("ingest: scan failed, will retry: {}", e.toString());
        }
    }

    /** Creates a folder source's directory if it is missing, so users can drop files into it right away. */
    public static void ensureFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public void close() {
        if (sources != null) {
            sources.close();
        }
        folderThread.shutdown();
        try {
            folderThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sink != null) {
            sink.close();
        }
        if (fetcher != null) {
            fetcher.close();
        }
    }
}
