package trendwatch.ingest.source;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
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
            return new PollResult("not-modified", 0, response.etag(), response.lastModified(), response.freshFor());
        }
        ParsedFeed feed;
        try {
            feed = FeedParser.parse(response.text(), response.finalUri());
        } catch (FeedException e) {
            throw new PollException("parse", e.getMessage(), null);
        }
        PollBatch batch = new PollBatch(sink, spec.id());
        for (FeedItem item : feed.items()) {
            handOver(feed, item, batch);
        }
        return new PollResult("ok", batch.awaitPublished(), response.etag(), response.lastModified(),
                longer(response.freshFor(), feed.ttl()));
    }

    /** Hands the item to the sink unless it is unchanged since it was last seen (its page is not fetched then). */
    private void handOver(ParsedFeed feed, FeedItem item, PollBatch batch) {
        String id = articles.id(item);
        String fingerprint = FeedArticles.fingerprint(item);
        if (id == null || sink.find(id).map(seen -> fingerprint.equals(seen.fingerprint())).orElse(false)) {
            return;
        }
        Optional<Article> article = articles.article(feed, item);
        article.ifPresent(a -> batch.add(a, a.url() != null ? a.url() : item.guid(), fingerprint));
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
