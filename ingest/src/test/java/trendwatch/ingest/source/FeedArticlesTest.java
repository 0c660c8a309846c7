package trendwatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import trendwatch.ingest.feed.FeedException;
import trendwatch.ingest.feed.FeedParser;
import trendwatch.ingest.feed.ParsedFeed;
import trendwatch.model.Article;

class FeedArticlesTest {

    private static final URI FEED = URI.create("https://news.example.com/feed.xml");

    /** Two items of one canonical URL: the second only adds a tracking parameter, and says something else. */
    private static final String DUPLICATES = """
            <rss version="2.0"><channel><title>Dups</title><link>https://news.example.com/</link>
              <item><title>First</title><link>https://news.example.com/a/dup.html</link>
                <guid>g1</guid><description>The first text of the article.</description></item>
              <item><title>Second</title><link>https://news.example.com/a/dup.html?utm_source=x</link>
                <guid>g2</guid><description>Another text under the same address.</description></item>
            </channel></rss>""";

    private static FeedArticles articles(SourceSpec.IdFrom idFrom) {
        SourceSpec.Feed spec = new SourceSpec.Feed("dups", FEED, Duration.ofMinutes(5), Duration.ofHours(6),
                SourceSpec.FullText.NEVER, idFrom);
        // fullText: never, so no page is fetched and no fetcher is needed
        return new FeedArticles(spec, null, Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC));
    }

    private static List<Article> all(FeedArticles articles, ParsedFeed feed) {
        return feed.items().stream().map(item -> articles.article(feed, item)).flatMap(Optional::stream).toList();
    }

    /** An Atom entry dated only by {@code updated}: that date until an earlier version gave one, then that. */
    @Test
    void shouldKeepTheFirstPublicationTimeOfAnItemDatedOnlyByItsModification() throws FeedException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom"><title>Batteries</title><id>urn:b</id>
                  <updated>%s</updated>
                  <entry><title>Toyota talks solid-state batteries</title><id>urn:bat:1</id>
                    <link href="https://news.example.com/bat1.html"/><updated>%s</updated>
                    <summary>Toyota says solid-state batteries reach its cars in 2027.</summary></entry></feed>""";
        FeedArticles articles = articles(SourceSpec.IdFrom.LINK);
        ParsedFeed first = FeedParser.parse(atom.formatted("2026-11-11T08:00:00Z", "2026-11-11T08:00:00Z"), FEED);
        ParsedFeed edited = FeedParser.parse(atom.formatted("2026-11-21T12:00:00Z", "2026-11-21T12:00:00Z"), FEED);

        assertThat(first.items().get(0).publishedAt()).isNull();
        assertThat(articles.article(first, first.items().get(0))).get().extracting(Article::publishedAt)
                .isEqualTo(Instant.parse("2026-11-11T08:00:00Z"));
        assertThat(articles.build(edited, edited.items().get(0), Instant.parse("2026-11-11T08:00:00Z")).article())
                .get().extracting(Article::publishedAt).isEqualTo(Instant.parse("2026-11-11T08:00:00Z"));
        assertThat(FeedArticles.fingerprint(edited.items().get(0)))
                .as("an edit is still seen").isNotEqualTo(FeedArticles.fingerprint(first.items().get(0)));
    }

    @Test
    void shouldPublishTwoItemsOfOneCanonicalUrlOnceAsTheFirst() throws FeedException {
        ParsedFeed feed = FeedParser.parse(DUPLICATES, FEED);
        FeedArticles articles = articles(SourceSpec.IdFrom.LINK);

        assertThat(all(articles, feed)).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("First");
            assertThat(article.url()).isEqualTo("https://news.example.com/a/dup.html");
        });
    }

    /**
     * The poll after: the first item is unchanged and skipped, the second must not take its place; nor does it count
     * as work left undone (that would drop the feed's validators).
     */
    @Test
    void shouldNotBuildTheRepeatAloneWhenTheFirstIsUnchanged() throws FeedException {
        ParsedFeed feed = FeedParser.parse(DUPLICATES, FEED);
        FeedArticles articles = articles(SourceSpec.IdFrom.LINK);

        assertThat(articles.id(feed.items().get(1))).isEqualTo(articles.id(feed.items().get(0)));
        assertThat(articles.build(feed, feed.items().get(1), null)).isEqualTo(new FeedArticles.Built(Optional.empty(), false));
    }

    @Test
    void shouldPublishItemsOfOneUrlButTheirOwnGuidsEachWhenIdsComeFromGuids() throws FeedException {
        ParsedFeed feed = FeedParser.parse(DUPLICATES, FEED);

        assertThat(all(articles(SourceSpec.IdFrom.GUID), feed)).extracting(Article::title)
                .containsExactly("First", "Second");
    }
}
