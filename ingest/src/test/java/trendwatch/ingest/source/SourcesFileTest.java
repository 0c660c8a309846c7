package trendwatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadFeedsPagesAndFoldersWithDefaults() throws IOException {
        List<SourceSpec> specs = SourcesFile.load(write("""
                sources:
                  - {id: ars, type: feed, url: "https://example.com/feed.xml"}
                  - {id: news, type: page, url: "https://example.com/news/", links: "article h2 a", content: "div.body",
                     minInterval: 30m, maxInterval: 1d}
                  - {id: drops, type: folder, path: drops}
                  - {id: quick, type: feed, url: "http://example.org/rss", minInterval: 90s, fullText: always,
                     idFrom: guid}
                """));

        assertThat(specs).hasSize(4);
        SourceSpec.Feed feed = (SourceSpec.Feed) specs.get(0);
        assertThat(feed.url()).isEqualTo(URI.create("https://example.com/feed.xml"));
        assertThat(feed.minInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(feed.maxInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(feed.fullText()).isEqualTo(SourceSpec.FullText.AUTO);
        SourceSpec.Page page = (SourceSpec.Page) specs.get(1);
        assertThat(page.links()).isEqualTo("article h2 a");
        assertThat(page.maxInterval()).isEqualTo(Duration.ofDays(1));
        assertThat(((SourceSpec.Folder) specs.get(2)).path()).isEqualTo(dir.resolve("drops").toAbsolutePath());
        SourceSpec.Feed quick = (SourceSpec.Feed) specs.get(3);
        assertThat(quick.minInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(quick.idFrom()).isEqualTo(SourceSpec.IdFrom.GUID);
    }

    @Test
    void shouldImportTheFeedsOfAnOpmlFile() throws IOException {
        Files.writeString(dir.resolve("feeds.opml"), """
                <?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
                <outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>
                <outline type="rss" text="B" xmlUrl="https://b.example/atom.xml"/></outline></body></opml>""");

        List<SourceSpec> specs = SourcesFile.load(write("""
                sources:
                  - {id: reader, type: opml, file: feeds.opml, minInterval: 15m}
                """));

        assertThat(specs).extracting(SourceSpec::id).containsExactly("reader-1", "reader-2");
        assertThat(((SourceSpec.Feed) specs.get(1)).url()).isEqualTo(URI.create("https://b.example/atom.xml"));
        assertThat(((SourceSpec.Feed) specs.get(1)).minInterval()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void shouldNameTheFileTheEntryAndTheReasonForABadEntry() throws IOException {
        assertBad("""
                sources:
                  - {id: ok, type: feed, url: "https://example.com/rss"}
                  - {id: bad, type: feed, url: "ftp://example.com/rss"}
                """, "entry 2 (bad): 'url' must be an http or https URL, not 'ftp://example.com/rss'");
        assertBad("sources:\n  - {id: x, type: podcast, url: \"https://e.com\"}\n",
                "entry 1 (x): type 'podcast' is not one of feed, page, folder, opml");
        assertBad("sources:\n  - {id: x, type: feed, url: \"https://e.com\", minIntervall: 5m}\n",
                "entry 1 (x): unknown key 'minIntervall'");
        assertBad("sources:\n  - {id: x, type: page, url: \"https://e.com\", links: \"a[href\"}\n",
                "entry 1 (x): 'links' is not a valid CSS selector");
        assertBad("sources:\n  - {id: x, type: feed, url: \"https://e.com\", minInterval: soon}\n",
                "'soon' is not a duration");
        assertBad("sources:\n  - {id: x, type: feed, url: \"https://e.com\", minInterval: 2h, maxInterval: 1h}\n",
                "maxInterval is shorter than minInterval");
        assertBad("sources:\n  - {id: x, type: feed, url: \"https://e.com/a\"}\n  - {id: x, type: feed, url: \"https://e.com/b\"}\n",
                "entry 2 (x): id 'x' is used twice");
        assertBad("sources:\n  - {type: feed, url: \"https://e.com\"}\n", "entry 1: 'id' is missing");
        assertBad("sources: [\n", "sources " + dir.resolve("sources.yaml"));
        assertBad("feeds: []\n", "expected a top-level 'sources:' list");
        assertBad("sources:\n  - {id: x, type: feed, url: \"http://127.0.0.1:99999/x.xml\"}\n",
                "entry 1 (x): 'url' cannot be polled: http://127.0.0.1:99999/x.xml: port 99999 is not a valid port");
        assertBad("sources:\n  - {id: x, type: page, url: \"http://169.254.169.254/latest/\", links: a}\n",
                "entry 1 (x): 'url' cannot be polled: http://169.254.169.254/latest/: the address 169.254.169.254 is a"
                        + " cloud-metadata address");
        assertBad("sources:\n  - {id: x, type: feed, url: \"http://metadata.google.internal/x\"}\n",
                "is a cloud-metadata name");
    }

    @Test
    void shouldNameTheLineOfAYamlSyntaxError() throws IOException {
        assertBad("""
                sources:
                  - {id: a, type: feed, url: "https://example.com/rss"
                  - {id: b, type: feed, url: "https://example.com/atom"}
                """, "sources " + dir.resolve("sources.yaml") + ", line 3: not valid YAML: expected ',' or '}', but"
                + " got - (while parsing a flow mapping from line 2)");
        assertBad("sources:\n\t- {id: a, type: feed, url: \"https://example.com/rss\"}\n", ", line 2: not valid YAML:"
                + " found character '\\t(TAB)' that cannot start any token");
    }

    @Test
    void shouldSayOnceWhichOpmlFileIsMissingAndWhy() throws IOException {
        Path missing = dir.resolve("subs.opml").toAbsolutePath();

        assertBad("sources:\n  - {id: reader, type: opml, file: subs.opml}\n",
                "entry 1 (reader): cannot read OPML " + missing + ": no such file");
    }

    @Test
    void shouldReadAnEmptyFileAsNoSources() throws IOException {
        assertThat(SourcesFile.load(write("# nothing yet\n"))).isEmpty();
        assertThat(SourcesFile.load(write("sources:\n#  - {id: off, type: feed, url: https://example.com/f}\n")))
                .as("every entry commented out").isEmpty();
    }

    private void assertBad(String yaml, String message) throws IOException {
        Path file = write(yaml);
        assertThatThrownBy(() -> SourcesFile.load(file)).isInstanceOf(SourcesException.class)
                .hasMessageContaining(message).hasMessageStartingWith("sources " + file)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sources.yaml"), yaml);
    }
}
