package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.feed.Urls;
import trendwatch.model.Article;

class FileArticleReaderTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Path SEEDS = Path.of("../seeds");

    @TempDir
    Path dir;

    private final FileArticleReader reader = new FileArticleReader(1024, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldReadTheSeedWithItsSidecarAndNoInventedPublicationTime() throws Exception {
        FileArticleReader big = new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES,
                Clock.fixed(NOW, ZoneOffset.UTC));

        Article seed = big.read(new FolderSource("seeds", SEEDS), SEEDS.resolve("000_e66a1ed0cdcaae93.txt"));

        assertThat(seed.title()).isEqualTo("2025年，6大机会");
        assertThat(seed.author()).isNotBlank();
        assertThat(seed.site()).contains("刘润");
        assertThat(seed.publishedAt()).isNull();
        assertThat(seed.fetchedAt()).isEqualTo(NOW);
        assertThat(seed.lang()).isEqualTo("zh");
        assertThat(seed.source().type()).isEqualTo("folder");
        assertThat(seed.body()).contains("太空经济").doesNotContain("](", "返回列表页");
    }

    @Test
    void shouldGiveTheSameFileTheSameIdWhereverTheFolderIs() throws Exception {
        Path a = write(dir.resolve("one/note.md"), "Humanoid robots are coming.");
        Path b = write(dir.resolve("two/note.md"), "Humanoid robots are coming.");

        String idA = reader.read(new FolderSource("inbox", dir.resolve("one")), a).id();
        String idB = reader.read(new FolderSource("inbox", dir.resolve("two")), b).id();
        String otherSource = reader.read(new FolderSource("seeds", dir.resolve("two")), b).id();

        assertThat(idA).isEqualTo(idB).isNotEqualTo(otherSource).hasSize(16);
    }

    @Test
    void shouldChangeTheContentHashOnlyWhenTheContentChanges() throws Exception {
        Path file = write(dir.resolve("a.txt"), "First version.");
        FolderSource source = new FolderSource("inbox", dir);
        String first = reader.read(source, file).contentHash();
        assertThat(reader.read(source, file).contentHash()).isEqualTo(first);

        write(file, "Second version.");

        assertThat(reader.read(source, file).contentHash()).isNotEqualTo(first);
    }

    @Test
    void shouldTakeTitleAuthorAndZonedPublicationTimeFromTheSidecar() throws Exception {
        Path file = write(dir.resolve("post.md"), "# Heading in file\n\nSolid-state batteries are close.");
        write(dir.resolve("post.md.meta.yaml"), "title: From the sidecar\nauthor: Ann\nsite: Example News\n"
                + "url: https://example.com/post\npublishedAt: 2025-02-03T09:00:00+08:00\n");

        Article article = reader.read(new FolderSource("inbox", dir), file);

        assertThat(article.title()).isEqualTo("From the sidecar");
        assertThat(article.author()).isEqualTo("Ann");
        assertThat(article.url()).isEqualTo("https://example.com/post");
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2025-02-03T01:00:00Z"));
        assertThat(article.lang()).isEqualTo("en");
    }

    @Test
    void shouldKnowAFileWhoseSidecarGivesAUrlByThatUrlAsEverySourceDoes() throws Exception {
        Path file = write(dir.resolve("robotaxi.md"), "Robotaxis reach a new city.");
        write(dir.resolve("robotaxi.md.meta.yaml"), "url: https://Example.com/news/robotaxi?utm_source=x#top\n");
        Path copy = write(dir.resolve("elsewhere/copy.md"), "Robotaxis reach a new city.");
        write(dir.resolve("elsewhere/copy.md.meta.yaml"), "url: https://example.com/news/robotaxi\n");
        FolderSource inbox = new FolderSource("inbox", dir);

        Article article = reader.read(inbox, file);
        Article sameUrl = reader.read(new FolderSource("seeds", dir.resolve("elsewhere")), copy);

        URI canonical = URI.create("https://example.com/news/robotaxi");
        assertThat(article.url()).isEqualTo(canonical.toString());
        // the id a feed item, a fetched page or a submission with this URL gets
        assertThat(article.id()).isEqualTo(Urls.articleId(canonical)).isEqualTo(sameUrl.id())
                .isNotEqualTo(FileArticleReader.pathId(inbox, file));
    }

    @Test
    void shouldKnowAFileByItsPathWhenItsSidecarUrlIsNotHttp() throws Exception {
        Path file = write(dir.resolve("note.md"), "Robotaxis reach a new city.");
        write(dir.resolve("note.md.meta.yaml"), "url: ftp://example.com/note\n");
        FolderSource inbox = new FolderSource("inbox", dir);

        Article article = reader.read(inbox, file);

        assertThat(article.id()).isEqualTo(FileArticleReader.pathId(inbox, file));
        assertThat(article.url()).isEqualTo("ftp://example.com/note");
    }

    @Test
    void shouldShortenATitleLongerThanARecordAllows() throws Exception {
        Path file = write(dir.resolve("long.md"), "# " + "机器人".repeat(500) + "\n\nSolid-state batteries are close.");

        Article article = new FileArticleReader(1024 * 1024, Clock.fixed(NOW, ZoneOffset.UTC))
                .read(new FolderSource("inbox", dir), file);

        assertThat(article.title()).hasSize(Article.MAX_TITLE_CHARS).startsWith("机器人机器人").endsWith("…");
        assertThat(article.body()).isEqualTo("Solid-state batteries are close.");
    }

    @Test
    void shouldRejectAFileWhoseSidecarUrlIsLongerThanARecordAllows() throws Exception {
        Path file = write(dir.resolve("link.md"), "Solid-state batteries are close.");
        write(dir.resolve("link.md.meta.yaml"), "url: https://example.com/" + "a".repeat(Article.MAX_URL_CHARS) + "\n");

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOf(RejectedFileException.class).hasMessageContaining("'url' has 8212 characters");
    }

    @Test
    void shouldRejectAMalformedSidecarNamingIt() throws Exception {
        Path file = write(dir.resolve("post.md"), "Text.");
        write(dir.resolve("post.md.meta.yaml"), "publishedAt: next tuesday\n");

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOf(RejectedFileException.class).hasMessageContaining("post.md.meta.yaml")
                .hasMessageContaining("'publishedAt' must be an ISO-8601 date and time with its zone")
                .hasMessageNotContaining("Cannot deserialize");
    }

    @Test
    void shouldSkipAnEmptyFile() throws Exception {
        Path file = write(dir.resolve("empty.txt"), "");

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).isEqualTo("empty file"));
    }

    @Test
    void shouldSkipAFileWithNothingButMarkup() throws Exception {
        Path file = write(dir.resolve("images.md"), "![](https://example.com/a.png)\n\n![](https://example.com/b.png)");

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).contains("no text"));
    }

    @Test
    void shouldSkipABinaryFile() throws Exception {
        Path file = dir.resolve("picture.png");
        Files.write(file, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).startsWith("binary content"));
    }

    @Test
    void shouldSkipAFileThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).contains("not UTF-8"));
    }

    @Test
    void shouldSkipAFileOverTheSizeCap() throws Exception {
        Path file = write(dir.resolve("big.txt"), "x".repeat(1025));

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).contains("1025 bytes exceeds the cap of 1024"));
    }

    /** An OPML list saved under another name than {@code *.opml} (the sources file may name any file). */
    @Test
    void shouldSkipAnOpmlSubscriptionListWhateverItsName() throws Exception {
        Path file = write(dir.resolve("feeds.xml"), "\uFEFF<?xml version=\"1.0\"?>\n<!-- exported -->\n"
                + "<OPML version=\"2.0\"><head><title>mine</title></head><body>"
                + "<outline text=\"A\" xmlUrl=\"https://a.example/rss\"/></body></OPML>");

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), file))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).startsWith("an OPML subscription list, not an article"));
    }

    @Test
    void shouldNameAFolderOrAMissingFileInOneReason() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("drafts"));

        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), folder))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).isEqualTo("a folder, not a file"));
        assertThatThrownBy(() -> reader.read(new FolderSource("inbox", dir), dir.resolve("gone.md")))
                .isInstanceOfSatisfying(RejectedFileException.class,
                        e -> assertThat(e.reason()).isEqualTo("no such file"));
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
