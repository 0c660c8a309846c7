package trendwatch.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.Article;

/** Hands every new or changed article file of the folder sources to the sink; one scan per call. */
final class FolderScanner {

    private static final Logger LOG = LoggerFactory.getLogger(FolderScanner.class);
    /** Files read ahead of the commits of the ones before: enough to fill a transaction, bounded in memory. */
    private static final int FILES_IN_FLIGHT = ArticlePublisher.MAX_WRITES_PER_TRANSACTION;
    /** Even as JSON at its largest (six bytes a character, escaped), within what the publisher lets wait. */
    private static final long CHARS_IN_FLIGHT = ArticlePublisher.MAX_QUEUED_BYTES / 8;

    private final Map<FolderSource, FolderWatcher> watchers = new ConcurrentHashMap<>();
    private final Set<Path> configFiles;
    private final FileArticleReader reader;
    private final ArticleSink sink;
    private final MeterRegistry meters;

    /** {@code configFiles}: files that may lie in a watched folder but are never articles (the sources file). */
    FolderScanner(List<FolderSource> folders, Set<Path> configFiles, FileArticleReader reader, ArticleSink sink,
                  MeterRegistry meters) {
        this.configFiles = configFiles.stream().map(f -> f.toAbsolutePath().normalize())
                .collect(Collectors.toUnmodifiableSet());
        this.reader = reader;
        this.sink = sink;
        this.meters = meters;
        watch(folders);
    }

    /** Watches {@code folders} from now on: new ones are read from scratch, dropped ones are no longer watched. */
    void watch(List<FolderSource> folders) {
        watchers.keySet().retainAll(folders);
        folders.forEach(folder -> watchers.computeIfAbsent(folder, this::watcher));
    }

    /**
     * The id a watched folder gives {@code file} (a real path), as its scans would: empty when no watched folder
     * holds it. In nested folders, the innermost one's.
     */
    Optional<String> idOf(Path file) {
        FolderSource holder = null;
        Path relative = null;
        for (FolderSource folder : watchers.keySet()) {
            try {
                Path root = folder.dir().toRealPath();
                if (file.startsWith(root) && !file.equals(root)
                        && (relative == null || root.relativize(file).getNameCount() < relative.getNameCount())) {
                    holder = folder;
                    relative = root.relativize(file);
                }
            } catch (IOException e) {
                // not there (yet): it holds no file
            }
        }
        return holder == null ? Optional.empty() : Optional.of(Hashes.fileArticleId(holder.id(), relative.toString()));
    }

    /** A folder that is not there yet is watched all the same (it may appear later), but the user hears of it. */
    private FolderWatcher watcher(FolderSource folder) {
        if (!Files.exists(folder.dir())) {
            LOG.warn("ingest: folder source {}: {} does not exist; its files are read once it does", folder.id(),
                    folder.dir());
        } else if (!Files.isDirectory(folder.dir())) {
            LOG.warn("ingest: folder source {}: {} is not a folder; nothing is read from it", folder.id(),
                    folder.dir());
        }
        return new FolderWatcher(folder.dir(), configFiles);
    }

    void scan() {
        for (Map.Entry<FolderSource, FolderWatcher> entry : watchers.entrySet()) {
            try {
                scan(entry.getKey(), entry.getValue());
            } catch (IOException e) {
                LOG.warn("ingest: cannot list folder {}: {}", entry.getKey().dir(), e.getMessage());
            }
        }
    }

    /** Reads ahead while earlier files commit, so a folder of many files goes in few transactions. */
    private void scan(FolderSource folder, FolderWatcher watcher) throws IOException {
        Deque<Handling> inFlight = new ArrayDeque<>();
        long charsInFlight = 0;
        for (Path file : watcher.settledChanges()) {
            Handling handling = handle(folder, file);
            inFlight.add(handling);
            charsInFlight += handling.chars();
            while (inFlight.size() >= FILES_IN_FLIGHT || charsInFlight > CHARS_IN_FLIGHT) {
                charsInFlight -= finish(inFlight.remove(), watcher);
            }
        }
        while (!inFlight.isEmpty()) {
            finish(inFlight.remove(), watcher);
        }
    }

    /** A file handed to the sink; {@code handled} is false when it should be tried again on the next scan. */
    private record Handling(Path file, long chars, CompletableFuture<Boolean> handled) {
    }

    /** Waits for the file's outcome; returns the characters it held. */
    private static long finish(Handling handling, FolderWatcher watcher) {
        if (handling.handled().join()) {
            watcher.markHandled(handling.file());
        }
        return handling.chars();
    }

    private Handling handle(FolderSource folder, Path file) {
        Article article;
        try {
            article = reader.read(folder, file);
        } catch (RejectedFileException e) {
            LOG.warn("ingest: skipped {}: {}", e.file(), e.reason());
            count("skipped");
            return new Handling(file, 0, CompletableFuture.completedFuture(true));
        }
        String pathId = FileArticleReader.pathId(folder, file);
        String fileId = pathId.equals(article.id()) ? null : pathId;
        return new Handling(file, article.body().length(),
                // the earlier article goes first: between the two, the file counts nowhere rather than twice
                withdrawEarlierIds(file, pathId, article)
                        .thenCompose(done -> sink.publishIfChangedAsync(article, file.getFileName().toString(), null,
                                fileId))
                        .handle((outcome, error) -> error == null ? handled(file, outcome) : failed(file, error)));
    }

    /**
     * A file is known by its sidecar's URL when it gives one, else by its path ({@code pathId}). What the file was
     * published as before, under an id it no longer has, is withdrawn so that it does not count twice: its path's
     * id once a URL is given (or from a version of ingest before URLs made the id), and a URL its sidecar has
     * changed or dropped. A no-op for every other file.
     */
    private CompletableFuture<Void> withdrawEarlierIds(Path file, String pathId, Article article) {
        return sink.withdrawFromFile(pathId, article.id()).thenAccept(withdrawn -> withdrawn.forEach(id -> LOG.info(
                "ingest: withdrew {}'s earlier article {}: the file is known as {} now, by {}", file, id,
                article.id(), pathId.equals(article.id()) ? "its path" : "its sidecar's url")));
    }

    private boolean handled(Path file, ArticleSink.Outcome outcome) {
        count(outcome.name().toLowerCase(Locale.ROOT));
        switch (outcome) {
            case PUBLISHED -> LOG.info("ingest: published article from {}", file);
            case UPDATED -> LOG.info("ingest: republished changed article from {}", file);
            case WITHDRAWN -> LOG.info("ingest: not published {}: its article was withdrawn (DELETE"
                    + " /api/articles/<id>); trendwatch submit counts it again", file);
            case UNCHANGED -> { }
        }
        return true;
    }

    private boolean failed(Path file, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RecordTooLargeException) {
            LOG.warn("ingest: skipped {}: {}", file, cause.getMessage());
            count("skipped");
            return true;
        }
        if (cause instanceof KafkaException) {
            LOG.warn("ingest: could not publish {}, will retry: {}", file, cause.toString());
            return false;
        }
        throw new CompletionException(cause);
    }

    private void count(String outcome) {
        meters.counter("trendwatch.ingest.files", "source_type", "folder", "outcome", outcome).increment();
    }
}
