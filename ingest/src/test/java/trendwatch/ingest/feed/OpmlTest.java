package trendwatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpmlTest {

    @Test
    void shouldFindFeedsInNestedOutlinesInDocumentOrder() throws FeedException {
        List<Opml.OpmlFeed> feeds = Opml.parse(Fixtures.read("subscriptions.opml"));
        assertThat(feeds).extracting(Opml.OpmlFeed::xmlUrl).containsExactly(
                URI.create("https://launch.example.com/rss.xml"),
                URI.create("https://orbit.example.com/feed"),
                URI.create("https://chips.example.org/rss"));
    }

    @Test
    void shouldKeepTitlesAndSiteUrls() throws FeedException {
        List<Opml.OpmlFeed> feeds = Opml.parse(Fixtures.read("subscriptions.opml"));
        assertThat(feeds.get(0)).isEqualTo(new Opml.OpmlFeed("Launch Notes",
                URI.create("https://launch.example.com/rss.xml"), URI.create("https://launch.example.com/")));
        assertThat(feeds.get(1).title()).isEqualTo("Orbit Daily");
        assertThat(feeds.get(2).title()).isEqualTo("Chips & AI");
    }

    @Test
    void shouldRejectXxeInOpml() {
        assertThatThrownBy(() -> Opml.parse(Fixtures.read("xxe.opml")))
                .isInstanceOf(FeedException.class)
                .hasMessage("OPML: DOCTYPE is not allowed");
    }

    @Test
    void shouldRejectADocumentThatIsNotOpml() {
        assertThatThrownBy(() -> Opml.parse("<rss version=\"2.0\"/>")).hasMessage("OPML: root element is <rss>, not <opml>");
        assertThatThrownBy(() -> Opml.parse("<opml><body>")).hasMessageStartingWith("OPML: not well-formed XML");
    }
}
