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
        int published = 0;
        for (FeedItem item : feed.items()) {
            published += publish(feed, item) ? 1 : 0;
        }
        return new PollResult("ok", published, response.etag(), response.lastModified(),
                longer(response.freshFor(), feed.ttl()));
    }

    /** Returns true when the item was published (new or changed). */
    private boolean publish(ParsedFeed feed, FeedItem item) {
        String id = articles.id(item);
        String fingerprint = FeedArticles.fingerprint(item);
        if (id == null || sink.find(id).map(seen -> fingerprint.equals(seen.fingerprint())).orElse(false)) {
            return false;
        }
        Optional<Article> article = articles.article(feed, item);
        return article.isPresent() && sink.publishIfChanged(article.get(),
                article.get().url() != null ? article.get().url() : item.guid(), fingerprint)
                != ArticleSink.Outcome.UNCHANGED;
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) >= 0 ? a : b;
    }
}
