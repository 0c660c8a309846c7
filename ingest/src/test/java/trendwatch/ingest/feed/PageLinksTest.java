package trendwatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PageLinksTest {

    private static final URI PAGE = URI.create("https://news.example.com/tech/index.html");

    @Test
    void shouldPickArticleLinksBySelectorInPageOrder() {
        assertThat(PageLinks.links(Fixtures.read("listing.html"), PAGE, "article h2 a")).containsExactly(
                URI.create("https://news.example.com/tech/2025/03/solid-state.html"),
                URI.create("https://news.example.com/tech/2025/03/robotaxi.html"),
                URI.create("https://cdn.example.org/story/42"));
    }

    @Test
    void shouldResolveCanonicaliseAndDeduplicate() {
        assertThat(PageLinks.links(Fixtures.read("listing.html"), PAGE, ".news-list a[href]")).containsExactly(
                URI.create("https://news.example.com/tech/2025/03/chips.html"),
                URI.create("https://news.example.com/world/space.html"));
    }

    @Test
    void shouldTakeTheFirstLinkInsideASelectedElement() {
        assertThat(PageLinks.links(Fixtures.read("listing.html"), PAGE, "article h2")).hasSize(3);
    }

    @Test
    void shouldHonourTheBaseElement() {
        String html = "<html><head><base href=\"https://static.example.net/base/\"></head>"
                + "<body><a class=\"x\" href=\"post/1\">one</a></body></html>";
        assertThat(PageLinks.links(html, PAGE, "a.x")).containsExactly(URI.create("https://static.example.net/base/post/1"));
    }

    @Test
    void shouldSkipLinksThatAreNotHttp() {
        String html = "<a href=\"mailto:x@example.com\">m</a><a href=\"javascript:void(0)\">j</a><a href=\"#top\">t</a>"
                + "<a href=\"ftp://example.com/f\">f</a><a href=\"/ok\">ok</a>";
        assertThat(PageLinks.links(html, PAGE, "a")).containsExactly(
                URI.create("https://news.example.com/tech/index.html"), URI.create("https://news.example.com/ok"));
    }

    @Test
    void shouldNameAnInvalidSelector() {
        assertThatThrownBy(() -> PageLinks.links("<a href=x>x</a>", PAGE, "a[href"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a[href");
    }
}
