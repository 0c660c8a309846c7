package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.fetch.FetchException.Kind;

/** The redirect decision, hop by hop (TLS is not available to the loopback tests, so the downgrade lives here). */
class RedirectPolicyTest {

    private final RedirectPolicy policy = new RedirectPolicy(5);

    @Test
    void shouldRefuseADowngradeFromHttpsToHttp() {
        URI from = URI.create("https://news.example/feed");

        assertThatThrownBy(() -> policy.next(from, "http://news.example/feed", 1))
                .isInstanceOfSatisfying(FetchException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.DOWNGRADE);
                    assertThat(e.uri()).isEqualTo(from);
                });
    }

    @Test
    void shouldAllowUpgradesAndStayingOnHttps() throws Exception {
        assertThat(policy.next(URI.create("http://a.example/x"), "https://a.example/x", 1))
                .isEqualTo(URI.create("https://a.example/x"));
        assertThat(policy.next(URI.create("https://a.example/x"), "https://b.example/y", 1))
                .isEqualTo(URI.create("https://b.example/y"));
    }

    @Test
    void shouldResolveRelativeLocationsAndDropFragments() throws Exception {
        assertThat(policy.next(URI.create("https://a.example/blog/feed"), "../rss.xml?x=1#top", 1))
                .isEqualTo(URI.create("https://a.example/rss.xml?x=1"));
        assertThat(policy.next(URI.create("https://a.example/blog/feed"), "//cdn.example/feed", 1))
                .isEqualTo(URI.create("https://cdn.example/feed"));
    }

    @Test
    void shouldCountHopsUpToTheLimit() throws Exception {
        assertThat(policy.next(URI.create("http://a.example/"), "/5", 5)).isEqualTo(URI.create("http://a.example/5"));
        assertThatThrownBy(() -> policy.next(URI.create("http://a.example/"), "/6", 6))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_REDIRECTS));
    }

    @Test
    void shouldRefuseOtherSchemesAndMissingLocations() {
        URI from = URI.create("http://a.example/");

        assertThatThrownBy(() -> policy.next(from, "ftp://a.example/feed", 1))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_URL));
        assertThatThrownBy(() -> policy.next(from, null, 1))
                .isInstanceOfSatisfying(FetchException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_URL));
    }
}
