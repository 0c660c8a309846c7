package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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

    @Test
    void shouldReturnNothingForAMissingFolder() throws Exception {
        assertThat(new FolderWatcher(dir.resolve("missing")).settledChanges()).isEmpty();
    }
}
