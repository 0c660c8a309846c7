package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.SeenArticle;
import trendwatch.model.StartupException;

class SeenStoreTest {

    private static final SeenArticle FIRST = new SeenArticle("hash-1", Instant.parse("2026-11-30T01:00:00Z"),
            "inbox/a.md");
    private static final SeenArticle CHANGED = new SeenArticle("hash-2", FIRST.firstSeenAt(), "inbox/a.md",
            "guid-1|title");

    @TempDir
    Path dir;

    @Test
    void shouldGiveBackTheLatestVersionOfEachArticleAndCountArticlesNotVersions() {
        try (SeenStore store = SeenStore.openEmpty(dir.resolve("seen"))) {
            store.put("a", FIRST);
            store.put("a", CHANGED);
            store.put("b", FIRST);

            assertThat(store.get("a")).isEqualTo(CHANGED);
            assertThat(store.get("b")).isEqualTo(FIRST);
            assertThat(store.get("c")).isNull();
            assertThat(store.size()).isEqualTo(2);
        }
    }

    @Test
    void shouldForgetARemovedArticleAndIgnoreRemovingAnUnknownOne() {
        try (SeenStore store = SeenStore.openEmpty(dir.resolve("seen"))) {
            store.put("a", FIRST);
            store.remove("a");
            store.remove("never-seen");

            assertThat(store.get("a")).isNull();
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void shouldFindTheArticlesPublishedFromAFileWhileTheirLatestVersionsSaySo() {
        SeenArticle fromFile = new SeenArticle("hash-1", FIRST.firstSeenAt(), "a.md", null, "path-a", null);
        try (SeenStore store = SeenStore.openEmpty(dir.resolve("seen"))) {
            store.put("url-1", fromFile);
            store.put("url-2", fromFile);
            assertThat(store.articlesFromFile("path-a")).containsExactlyInAnyOrder("url-1", "url-2");
            assertThat(store.articlesFromFile("path-b")).isEmpty();
            assertThat(store.size()).isEqualTo(2); // articles, not files

            store.put("url-2", CHANGED); // written by another source since: no longer the file's to withdraw
            assertThat(store.articlesFromFile("path-a")).containsExactly("url-1");
            store.remove("url-1");
            assertThat(store.articlesFromFile("path-a")).isEmpty();
        }
    }

    /**
     * A restart replays the topic's partitions in no common order: the file's newer article may come before the
     * older one and its tombstone. The newer one must still be found.
     */
    @Test
    void shouldFindAFilesLiveArticleWhateverOrderTheTopicWasReplayedIn() {
        SeenArticle fromFile = new SeenArticle("hash-1", FIRST.firstSeenAt(), "a.md", null, "path-a", null);
        try (SeenStore store = SeenStore.openEmpty(dir.resolve("seen"))) {
            store.put("url-b", fromFile);
            store.put("url-a", fromFile);
            store.remove("url-a");

            assertThat(store.articlesFromFile("path-a")).containsExactly("url-b");
        }
    }

    @Test
    void shouldStartEmptyWhateverAnEarlierRunLeftInItsFolder() throws Exception {
        Path folder = dir.resolve("seen");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("LOCK"), "left by a process that died");
        try (SeenStore store = SeenStore.openEmpty(folder)) {
            store.put("a", FIRST);
        }
        try (SeenStore store = SeenStore.openEmpty(folder)) {
            assertThat(store.get("a")).isNull();
            assertThat(store.size()).isZero();
        }
    }

    @Test
    void shouldDeleteItsFolderOnCloseIgnoreLateWritesAndRefuseReads() {
        Path folder = dir.resolve("seen");
        SeenStore store = SeenStore.openEmpty(folder);
        store.put("a", FIRST);
        store.close();

        store.put("b", FIRST); // a transaction that landed while ingest was stopping: its topic has it
        assertThat(folder).doesNotExist();
        assertThatThrownBy(() -> store.get("a")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ingest has stopped");
    }

    @Test
    void shouldRefuseAFolderAnotherIngestHoldsWithoutEmptyingIt() {
        Path folder = dir.resolve("seen");
        try (SeenStore first = SeenStore.openEmpty(folder)) {
            first.put("a", FIRST);

            assertThatThrownBy(() -> SeenStore.openEmpty(folder)).isInstanceOf(StartupException.class)
                    .hasMessageContaining("in use by another ingest");
            assertThat(first.get("a")).isEqualTo(FIRST);
        }
        try (SeenStore next = SeenStore.openEmpty(folder)) { // released on close
            assertThat(next.size()).isZero();
        }
    }
}
