package trendwatch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.Article;
import trendwatch.model.SeenArticle;

/**
 * The ingest stage for folder sources: every article file in the folders is published to
 * {@code trend.articles.raw} once, and again only when its content changes.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final IngestConfig config;
    private final FileArticleReader reader;
    private final Map<FolderSource, FolderWatcher> watchers = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            runnable -> new Thread(runnable, "ingest-folders"));
    private final CountDownLatch firstScanDone = new CountDownLatch(1);
    private int scansDone;
    private SeenArticles seen;
    private ArticlePublisher publisher;

    public IngestService(IngestConfig config) {
        this.config = config;
        this.reader = new FileArticleReader(config.maxFileBytes(), config.clock());
        config.folders().forEach(folder -> watchers.put(folder, new FolderWatcher(folder.dir())));
    }

    /** Loads what was published before, then polls the folders in the background. */
    public void start() {
        seen = SeenArticles.load(config.bootstrapServers(), Duration.ofSeconds(60));
        publisher = new ArticlePublisher(config.bootstrapServers(), config.transactionalId());
        long every = config.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::scanSafely, 0, every, TimeUnit.MILLISECONDS);
        LOG.info("ingest: remembers {} published articles; watching {}", seen.size(),
                config.folders().stream().map(f -> f.dir().toString()).toList());
    }

    /** True once the folders' existing files have all been handled. */
    public boolean awaitFirstScans(Duration timeout) throws InterruptedException {
        return firstScanDone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean healthy() {
        return publisher != null && !scheduler.isShutdown();
    }

    private void scanSafely() {
        try {
            scan();
            // a file settles when two scans agree, so the second scan has handled every file present at start
            if (++scansDone == 2) {
                firstScanDone.countDown();
            }
        } catch (RuntimeException e) {
            LOG.error("ingest: scan failed, will retry: {}", e.toString());
        }
    }

    private void scan() {
        for (Map.Entry<FolderSource, FolderWatcher> entry : watchers.entrySet()) {
            try {
                for (Path file : entry.getValue().settledChanges()) {
                    if (handle(entry.getKey(), file)) {
                        entry.getValue().markHandled(file);
                    }
                }
            } catch (IOException e) {
                LOG.warn("ingest: cannot list folder {}: {}", entry.getKey().dir(), e.getMessage());
            }
        }
    }

    /** Returns false when the file should be tried again on the next scan (Kafka unavailable). */
    private boolean handle(FolderSource folder, Path file) {
        try {
            publishIfChanged(reader.read(folder, file), file);
            return true;
        } catch (RejectedFileException e) {
            LOG.warn("ingest: skipped {}: {}", e.file(), e.reason());
            config.meters().counter("trendwatch.ingest.files", "source_type", "folder", "outcome", "skipped")
                    .increment();
            return true;
        } catch (KafkaException e) {
            LOG.warn("ingest: could not publish {}, will retry: {}", file, e.toString());
            return false;
        }
    }

    private void publishIfChanged(Article article, Path file) {
        SeenArticle before = seen.find(article.id()).orElse(null);
        if (before != null && before.contentHash().equals(article.contentHash())) {
            LOG.debug("ingest: {} is unchanged since it was published", file);
            count("unchanged");
            return;
        }
        Article toPublish = before == null ? article : article.withFetchedAt(before.firstSeenAt());
        SeenArticle now = new SeenArticle(article.contentHash(), toPublish.fetchedAt(), file.getFileName().toString());
        publisher.publish(toPublish, now);
        seen.remember(article.id(), now);
        count(before == null ? "published" : "updated");
        LOG.info("ingest: {} article {} from {}", before == null ? "published" : "republished changed",
                article.id(), file);
    }

    private void count(String outcome) {
        config.meters().counter("trendwatch.ingest.files", "source_type", "folder", "outcome", outcome).increment();
    }

    /** Creates a folder source's directory if it is missing, so users can drop files into it right away. */
    public static void ensureFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public void close() {
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (publisher != null) {
            publisher.close();
        }
    }
}
