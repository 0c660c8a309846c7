package trendwatch.ingest.source;

import java.time.Clock;
import java.time.Duration;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.feed.FeedException;
import trendwatch.ingest.feed.FeedItem;
import trendwatch.ingest.feed.FeedParser;
import trendwatch.ingest.feed.ParsedFeed;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.FetchRequest;
import trendwatch.ingest.fetch.FetchResult;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.SeenArticle;
import trendwatch.model.SourceState;

/**
 * Polls an RSS, Atom or JSON feed with a conditional GET and publishes its new and changed items. An item
 * whose guid, title, date and summary are unchanged is skipped without fetching its page again.
 */
final class FeedPoller implements Poller {

    private final SourceSpec.Feed spec;
    private final Fetcher fetcher;
    private final ArticleSink sink;
    private final FeedArticles articles;

    FeedPoller(SourceSpec.Feed spec, Fetcher fetcher, ArticleSink sink, Clock clock) {
        this.spec = spec;
        this.fetcher = fetcher;
        this.sink = sink;
        this.articles = new FeedArticles(spec, fetcher, clock);
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public PollResult poll(SourceState state) throws PollException {
        FetchResult response;
        try {
            response = fetcher.fetch(new FetchRequest(spec.url(), state == null ? null : state.etag(),
                    state == null ? null : state.lastModified(), false));
        } catch (FetchException e) {
            throw PollException.of(e);
        }
        if (response.notModified()) {
            return PollResult.notModified(response.etag(), response.lastModified(), response.freshFor());
        }
        ParsedFeed feed;
        try {
            feed = FeedParser.parse(response.text(), response.finalUri());
        } catch (FeedException e) {
            throw new PollException("parse", e.getMessage(), null);
        }
        PollBatch batch = new PollBatch(sink, spec.id());
        int unfinished = 0;
        for (FeedItem item : feed.items()) {
            unfinished += handOver(feed, item, batch) ? 0 : 1;
        }
        return new PollResult("ok", batch.awaitPublished(), response.etag(), response.lastModified(),
                longer(response.freshFor(), feed.ttl()), unfinished);
    }

    /**
     * Hands the item to the sink unless it is unchanged since it was last seen (its page is not fetched then).
     * Returns false when its page did not answer this time: the next poll tries again.
     */
    private boolean handOver(ParsedFeed feed, FeedItem item, PollBatch batch) {
        String id = articles.id(item);
        String fingerprint = FeedArticles.fingerprint(item);
        // a user withdrew it: the sink would drop whatever the item says now, so its page is not fetched for that
        if (id == null || sink.find(id).map(seen -> seen.wasWithdrawn() || fingerprint.equals(seen.fingerprint()))
                .orElse(false)) {
            return true;
        }
        FeedArticles.Built built = articles.build(feed, item,
                sink.find(id).map(SeenArticle::publishedAt).orElse(null));
        if (!built.pageMissing()) {
            built.article().ifPresent(a -> batch.add(a, origin(a, item), fingerprint));
        } else if (sink.find(id).isEmpty()) {
            // the feed's text counts until the page answers; no fingerprint, so the next poll asks for the page
            built.article().ifPresent(a -> batch.add(a, origin(a, item), null));
        } // else the version published before stays: a summary must not replace the page's full text
        return !built.pageMissing();
    }

    private static String origin(Article article, FeedItem item) {
        return article.url() != null ? article.url() : item.guid();
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
