package trendwatch.ingest.source;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.Articles;
import trendwatch.ingest.feed.ArticlePage;
import trendwatch.ingest.feed.ExtractedArticle;
import trendwatch.ingest.feed.PageLinks;
import trendwatch.ingest.feed.Urls;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.FetchRequest;
import trendwatch.ingest.fetch.FetchResult;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;
import trendwatch.model.SourceState;

/**
 * Polls a listing page with a conditional GET and publishes the articles its links lead to. An article page
 * already published is not fetched again: listing pages link to the same stories for days.
 */
final class PagePoller implements Poller {

    private static final Logger LOG = LoggerFactory.getLogger(PagePoller.class);
    /** New links fetched per poll at most, so a first poll of a big archive page stays polite. */
    static final int MAX_NEW_LINKS_PER_POLL = 30;

    /** Links given up on remembered at most, oldest forgotten first. */
    private static final int GIVEN_UP_KEPT = 10_000;

    private final SourceSpec.Page spec;
    private final Fetcher fetcher;
    /**
     * Links whose page will not do (a 404, a blocked address, no article text): not fetched again by this poller,
     * so that dead links at the top of a listing do not use up each poll's share and hide the links below them.
     */
    private final Set<String> givenUp = BoundedSets.newest(GIVEN_UP_KEPT);
    private final ArticleSink sink;
    private final Clock clock;

    PagePoller(SourceSpec.Page spec, Fetcher fetcher, ArticleSink sink, Clock clock) {
        this.spec = spec;
        this.fetcher = fetcher;
        this.sink = sink;
        this.clock = clock;
    }

    @Override
    public SourceSpec spec() {
        return spec;
    }

    @Override
    public PollResult poll(SourceState state) throws PollException {
        FetchResult listing = fetch(spec.url(), state);
        if (listing.notModified()) {
            return PollResult.notModified(listing.etag(), listing.lastModified(), listing.freshFor());
        }
        List<URI> links = PageLinks.links(listing.text(), listing.finalUri(), spec.links());
        int fetched = 0;
        int unfinished = 0;
        PollBatch batch = new PollBatch(sink, spec.id());
        for (URI link : links) {
            String id = Urls.articleId(link);
            if (sink.find(id).isPresent() || givenUp.contains(id)) {
                continue;
            }
            if (fetched++ >= MAX_NEW_LINKS_PER_POLL || !handOver(link, id, batch)) {
                unfinished++;
            }
        }
        if (fetched > MAX_NEW_LINKS_PER_POLL) {
            LOG.info("ingest: page {}: {} new links past the {} of one poll are fetched on the next polls", spec.id(),
                    fetched - MAX_NEW_LINKS_PER_POLL, MAX_NEW_LINKS_PER_POLL);
        }
        return new PollResult("ok", batch.awaitPublished(), listing.etag(), listing.lastModified(),
                listing.freshFor(), unfinished);
    }

    /** Returns false when the page did not answer this time but may next time: the link is tried again. */
    private boolean handOver(URI link, String id, PollBatch batch) {
        try {
            FetchResult page = fetch(link, null);
            ExtractedArticle extracted = ArticlePage.extract(page.text(), page.finalUri(), spec.content());
            if (extracted.body().isBlank()) {
                LOG.warn("ingest: page {}: no article text at {}; skipped", spec.id(), link);
                givenUp.add(id);
                return true;
            }
            batch.add(article(link, id, extracted), link.toString(), null);
            return true;
        } catch (PollException e) {
            LOG.warn("ingest: page {}: article {} not fetched{}: {}", spec.id(), link,
                    e.isTransient() ? " (tried again on the next poll)" : "", e.getMessage());
            if (!e.isTransient()) {
                givenUp.add(id);
            }
            return !e.isTransient();
        }
    }

    private Article article(URI link, String id, ExtractedArticle page) {
        return Articles.ofPage(id, new SourceRef("page", spec.id(), spec.url().toString()), link, page,
                link.toString(), clock.instant());
    }

    private FetchResult fetch(URI uri, SourceState state) throws PollException {
        try {
            return fetcher.fetch(new FetchRequest(uri, state == null ? null : state.etag(),
                    state == null ? null : state.lastModified(), false));
        } catch (FetchException e) {
            throw PollException.of(e);
        }
    }
}
