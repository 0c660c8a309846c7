package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the folder scanner tells the user about the folders it is asked to watch. */
class FolderScannerTest {

    @TempDir
    Path dir;

    /** Scanning needs no sink here: these tests only watch, they never publish. */
    private FolderScanner scanner(List<FolderSource> folders) {
        return new FolderScanner(folders, Set.of(), new FileArticleReader(1024, Clock.systemUTC()), null,
                new SimpleMeterRegistry());
    }

    @Test
    void shouldWarnOnceNamingAFolderSourceWhosePathDoesNotExist() {
        FolderSource drops = new FolderSource("drops", dir.resolve("drops"));
        try (LogLines log = new LogLines(FolderScanner.class)) {
            FolderScanner scanner = scanner(List.of());

            scanner.watch(List.of(drops));
            scanner.watch(List.of(drops));

            assertThat(log.lines()).containsExactly("WARN ingest: folder source drops: " + dir.resolve("drops")
                    + " does not exist; its files are read once it does");
        }
    }

    @Test
    void shouldSayNothingAboutFoldersThatExist() throws Exception {
        Files.createDirectories(dir.resolve("inbox"));
        try (LogLines log = new LogLines(FolderScanner.class)) {
            scanner(List.of(new FolderSource("inbox", dir.resolve("inbox"))));

            assertThat(log.lines()).isEmpty();
        }
    }
}
