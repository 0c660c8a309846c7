package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {

    @TempDir
    Path dir;

    @Test
    void shouldHandOutAFileOnlyAfterItHasSettledForOneScan() throws Exception {
        FolderWatcher watcher = new FolderWatcher(dir);
        Path file = Files.writeString(dir.resolve("a.md"), "text");

        assertThat(watcher.settledChanges()).isEmpty();
        assertThat(watcher.settledChanges()).containsExactly(file);
    }

    @Test
    void shouldNotHandOutAHandledFileAgainUntilItChanges() throws Exception {
        FolderWatcher watcher = new FolderWatcher(dir);
        Path file = Files.writeString(dir.resolve("a.md"), "text");
        watcher.settledChanges();
        watcher.settledChanges();
        watcher.markHandled(file);
        assertThat(watcher.settledChanges()).isEmpty();

        Files.writeString(file, "changed text");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(watcher.settledChanges()).isEmpty();
        assertThat(watcher.settledChanges()).containsExactly(file);
    }

    /** Writers that write a temporary file and rename it into place make entries vanish mid-listing. */
    @Test
    void shouldKeepScanningWhileFilesAreRenamedIntoPlace() throws Exception {
        FolderWatcher watcher = new FolderWatcher(dir);
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                try {
                    Path temp = Files.writeString(dir.resolve("article-" + i + ".md.tmp"), "text " + i);
                    Files.move(temp, dir.resolve("article-" + i + ".md"), StandardCopyOption.ATOMIC_MOVE);
                    Files.delete(dir.resolve("article-" + i + ".md"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
        writer.start();
        try {
            for (int scan = 0; scan < 2_000; scan++) {
                watcher.settledChanges();
            }
        } finally {
            writing.set(false);
            writer.join();
        }
    }

    @Test
    void shouldHandOutAnArticleAgainWhenOnlyItsSidecarChanges() throws Exception {
        FolderWatcher watcher = new FolderWatcher(dir);
        Path file = Files.writeString(dir.resolve("a.md"), "text");
        watcher.settledChanges();
        watcher.settledChanges();
        watcher.markHandled(file);

        Files.writeString(dir.resolve("a.md.meta.yaml"), "title: T\n");
        watcher.settledChanges();

        assertThat(watcher.settledChanges()).containsExactly(file);
    }

    @Test
    void shouldIgnoreSidecarsHiddenAndPartialFiles() throws Exception {
        FolderWatcher watcher = new FolderWatcher(dir);
        Files.writeString(dir.resolve("a.md.meta.yaml"), "title: T\n");
        Files.writeString(dir.resolve(".hidden.md"), "x");
        Files.writeString(dir.resolve("download.part"), "x");
        Files.writeString(dir.resolve("sources.yaml"), "x");

        watcher.settledChanges();

        assertThat(watcher.settledChanges()).isEmpty();
    }

    /** Configuration kept next to the sources file is read by ingest, never published as an article. */
    @Test
    void shouldIgnoreTheSourcesFileAndOpmlListsWhateverTheirCase() throws Exception {
        Path ownSources = Files.writeString(dir.resolve("my-feeds.yaml"), "sources: []\n");
        FolderWatcher watcher = new FolderWatcher(dir, Set.of(ownSources.toAbsolutePath()));
        Path article = Files.writeString(dir.resolve("a.md"), "text");
        Files.writeString(dir.resolve("sources.yml"), "sources: []\n");
        Files.writeString(dir.resolve("subs.opml"), "<opml version=\"2.0\"><body/></opml>");
        Files.writeString(dir.resolve("Reader Export.OPML"), "<opml version=\"2.0\"><body/></opml>");

        watcher.settledChanges();

        assertThat(watcher.settledChanges()).containsExactly(article);
    }

    @Test
    void shouldReturnNothingForAMissingFolder() throws Exception {
        assertThat(new FolderWatcher(dir.resolve("missing")).settledChanges()).isEmpty();
    }
}
