package trendwatch.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Notices new and changed files in a folder by polling. A file is handed out only once its size and
 * modification time have stayed the same for one whole poll, so a file still being written is not read half-way.
 */
final class FolderWatcher {

    private static final int MAX_DEPTH = 4;
    /**
     * Files that are never articles: our own metadata, the sources list and the OPML subscription lists it names
     * (kept next to it), editor and download leftovers. Compared in lower case: "Feeds.OPML" is one too.
     */
    private static final Set<String> IGNORED_NAMES = Set.of("sources.yaml", "sources.yml");
    private static final List<String> IGNORED_SUFFIXES = List.of(Sidecar.SUFFIX, ".opml", ".tmp", ".part",
            ".crdownload", ".swp", "~");

    private record Fingerprint(long size, long modified, long sidecarModified) {
    }

    private final Path dir;
    private final Set<Path> configFiles;
    private final Map<Path, Fingerprint> lastScan = new HashMap<>();
    private final Map<Path, Fingerprint> handled = new HashMap<>();

    FolderWatcher(Path dir) {
        this(dir, Set.of());
    }

    /** {@code configFiles}: absolute paths of configuration kept in the folder, whatever their names. */
    FolderWatcher(Path dir, Set<Path> configFiles) {
        this.dir = dir;
        this.configFiles = configFiles;
    }

    /** The files that changed since they were last handled and have since settled. */
    List<Path> settledChanges() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Map<Path, Fingerprint> scan = new HashMap<>();
        Files.walkFileTree(dir, Set.of(), MAX_DEPTH, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (isCandidate(file)) {
                    fingerprint(file, scan);
                }
                return FileVisitResult.CONTINUE;
            }

            /**
             * An entry that vanished between the listing and now (a temporary file renamed into place) is skipped;
             * {@code Files.walk} threw instead, which failed the whole scan of every folder.
             */
            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (file.equals(dir)) {
                    throw e;
                }
                return FileVisitResult.CONTINUE;
            }
        });
        List<Path> settled = scan.entrySet().stream()
                .filter(e -> e.getValue().equals(lastScan.get(e.getKey())))
                .filter(e -> !e.getValue().equals(handled.get(e.getKey())))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        lastScan.clear();
        lastScan.putAll(scan);
        return settled;
    }

    /** Remembers {@code file} as handled in its current state; it comes back only when it changes. */
    void markHandled(Path file) {
        Fingerprint current = lastScan.get(file);
        if (current != null) {
            handled.put(file, current);
        }
    }

    private boolean isCandidate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && !name.startsWith(".") && !IGNORED_NAMES.contains(name)
                && IGNORED_SUFFIXES.stream().noneMatch(name::endsWith)
                && !configFiles.contains(file.toAbsolutePath().normalize());
    }

    private static void fingerprint(Path file, Map<Path, Fingerprint> into) {
        try {
            Path sidecar = file.resolveSibling(file.getFileName() + Sidecar.SUFFIX);
            long sidecarModified = Files.exists(sidecar) ? Files.getLastModifiedTime(sidecar).toMillis() : 0;
            into.put(file, new Fingerprint(Files.size(file), Files.getLastModifiedTime(file).toMillis(),
                    sidecarModified));
        } catch (IOException e) {
            // deleted or moved between the listing and now: the next scan sees the truth
        }
    }
}
