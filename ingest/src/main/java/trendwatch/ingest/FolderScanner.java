package trendwatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands every new or changed article file of the folder sources to the sink; one scan per call. */
final class FolderScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FolderScanner.class);

    private final Map<FolderSource, FolderWatcher> watchers = new ConcurrentHashMap<>();
    private final FileArticleReader reader;
    private final ArticleSink sink;
    private final MeterRegistry meters;

    FolderScanner(List<FolderSource> folders, FileArticleReader reader, ArticleSink sink, MeterRegistry meters) {
        folders.forEach(folder -> watchers.put(folder, new FolderWatcher(folder.dir())));
        this.reader = reader;
        this.sink = sink;
        this.meters = meters;
    }

    /** Watches {@code folders} from now on: new ones are read from scratch, dropped ones are no longer watched. */
    void watch(List<FolderSource> folders) {
        watchers.keySet().retainAll(folders);
        folders.forEach(folder -> watchers.computeIfAbsent(folder, f -> new FolderWatcher(f.dir())));
    }

    void scan() {
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
            ArticleSink.Outcome outcome = sink.publishIfChanged(reader.read(folder, file),
                    file.getFileName().toString(), null);
            count(outcome.name().toLowerCase(Locale.ROOT));
            if (outcome != ArticleSink.Outcome.UNCHANGED) {
                LOG.info("ingest: {} article from {}", outcome == ArticleSink.Outcome.PUBLISHED ? "published"
                        : "republished changed", file);
            }
            return true;
        } catch (RejectedFileException e) {
            LOG.warn("ingest: skipped {}: {}", e.file(), e.reason());
            count("skipped");
            return true;
        } catch (RecordTooLargeException e) {
            LOG.warn("ingest: skipped {}: {}", file, e.getMessage());
            count("skipped");
            return true;
        } catch (KafkaException e) {
            LOG.warn("ingest: could not publish {}, will retry: {}", file, e.toString());
            return false;
        }
    }

    private void count(String outcome) {
        meters.counter("trendwatch.ingest.files", "source_type", "folder", "outcome", outcome).increment();
    }
}
