package trendwatch.ingest.source;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.Articles;
import trendwatch.ingest.Hashes;
import trendwatch.ingest.extract.TextExtractor;
import trendwatch.ingest.feed.ArticlePage;
import trendwatch.ingest.feed.ExtractedArticle;
import trendwatch.ingest.feed.FeedItem;
import trendwatch.ingest.feed.ParsedFeed;
import trendwatch.ingest.feed.Urls;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.FetchRequest;
import trendwatch.ingest.fetch.FetchResult;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;

/**
 * Turns feed items into articles: the id by the source's policy (canonical link, or GUID), the text from
 * the feed's content, or from the article page when the feed carries only a summary. Used by the feed poller
 * and by {@code trendwatch parse}, so the dry run shows exactly what ingest would publish. Not thread-safe: one
 * feed at a time, as its poller polls.
 */
public final class FeedArticles {

    private static final Logger LOG = LoggerFactory.getLogger(FeedArticles.class);

    private final SourceSpec.Feed spec;
    private final Fetcher fetcher;
    private final Clock clock;
    /** The feed {@link #firstItems} was built for, and the first item of each article id in it. */
    private ParsedFeed firstItemsOf;
    private Map<String, FeedItem> firstItems = Map.of();
    /** Ids whose repeats were logged: one line per repeated article, not one per poll. */
    private final Set<String> repeatsLogged = BoundedSets.newest(1_000);

    public FeedArticles(SourceSpec.Feed spec, Fetcher fetcher, Clock clock) {
        this.spec = spec;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The item's articleId, or null when it has neither a link nor a GUID. */
    public String id(FeedItem item) {
        URI link = link(item);
        if (spec.idFrom() == SourceSpec.IdFrom.GUID || link == null) {
            return item.guid() == null ? null : Hashes.contentHash("feed:" + spec.id(), item.guid());
        }
        return Urls.articleId(link);
    }

    /** What the feed says of the item; unchanged means its page need not be fetched again. */
    public static String fingerprint(FeedItem item) {
        return Hashes.contentHash(item.guid() + "|" + item.title() + "|" + item.datedAt(),
                item.contentHtml() + "|" + item.summaryHtml());
    }

    /**
     * An item made into an article, or not (no id, no text at all, a repeat of an earlier item's id).
     *
     * @param pageMissing its page was wanted for the full text but did not answer this time, and may next time
     */
    public record Built(Optional<Article> article, boolean pageMissing) {
    }

    /**
     * The article, or empty when the item has no id or no text at all, or repeats the id of an earlier item of
     * {@code feed} (see {@link #repeatsAnEarlierItem}).
     */
    public Optional<Article> article(ParsedFeed feed, FeedItem item) {
        return build(feed, item, null).article();
    }

    /**
     * As {@link #article}, saying whether the page it wanted did not answer. {@code publishedBefore}: the
     * publication time its earlier version was published with, if any, which an item dated only by its
     * modification time keeps, so that an edit does not move its counts to the day of the edit.
     */
    public Built build(ParsedFeed feed, FeedItem item, Instant publishedBefore) {
        String id = id(item);
        if (id == null) {
            LOG.warn("ingest: feed {}: an item has neither a link nor a guid; skipped", spec.id());
            return new Built(Optional.empty(), false);
        }
        if (repeatsAnEarlierItem(feed, item, id)) {
            if (repeatsLogged.add(id)) {
                LOG.info("ingest: feed {}: item {} is the same article as an earlier item; only the first is"
                        + " published", spec.id(), item.link() != null ? item.link() : item.guid());
            }
            return new Built(Optional.empty(), false);
        }
        URI link = link(item);
        String html = item.contentHtml() != null ? item.contentHtml() : item.summaryHtml();
        String body = html == null ? "" : TextExtractor.extract("item.html", html).body();
        String author = item.author();
        Instant publishedAt = item.publishedAt() == null ? null : item.publishedAt().toInstant();
        String lang = item.lang() != null ? item.lang() : feed.lang();
        ExtractedArticle page = null;
        boolean pageMissing = false;
        if (link != null && wantsPage(item)) {
            try {
                page = fetchPage(link);
            } catch (FetchException e) {
                pageMissing = e.isTransient();
                LOG.warn("ingest: feed {}: full text of {} not fetched ({}); using the feed's text{}", spec.id(), link,
                        e.getMessage(), pageMissing ? " for now" : "");
            }
        }
        if (page != null && page.body().length() > body.length()) {
            body = page.body();
            author = author != null ? author : page.author();
            publishedAt = publishedAt != null || page.publishedAt() == null ? publishedAt
                    : page.publishedAt().toInstant();
            lang = lang != null ? lang : page.lang();
        }
        if (publishedAt == null) {
            publishedAt = publishedBefore != null ? publishedBefore
                    : item.updatedAt() == null ? null : item.updatedAt().toInstant();
        }
        if (body.isBlank()) {
            LOG.warn("ingest: feed {}: item {} has no text; skipped", spec.id(), link == null ? item.guid() : link);
            return new Built(Optional.empty(), pageMissing);
        }
        return new Built(Optional.of(Articles.of(id, new SourceRef("feed", spec.id(), spec.url().toString()),
                link == null ? null : link.toString(), item.title(), author, feed.title(), lang, publishedAt,
                clock.instant(), body)), pageMissing);
    }

    /**
     * Whether an item before this one in the feed has the same id (two links that differ only in tracking
     * parameters, say). One article can hold one text: were both published, each poll would replace the other's
     * and publish again for ever. The first one is kept, as a reader sees it first. Items are compared by identity,
     * not equality, so an exact copy of an earlier item is dropped too.
     */
    private boolean repeatsAnEarlierItem(ParsedFeed feed, FeedItem item, String id) {
        if (feed != firstItemsOf) { // once per poll, not once per item: a feed may hold a thousand items
            firstItemsOf = feed;
            firstItems = new HashMap<>();
            for (FeedItem each : feed.items()) {
                String eachId = id(each);
                if (eachId != null) {
                    firstItems.putIfAbsent(eachId, each);
                }
            }
        }
        FeedItem first = firstItems.get(id);
        return first != null && first != item;
    }

    private static URI link(FeedItem item) {
        return item.link() == null ? null : Urls.canonical(item.link());
    }

    private boolean wantsPage(FeedItem item) {
        return spec.fullText() == SourceSpec.FullText.ALWAYS
                || spec.fullText() == SourceSpec.FullText.AUTO && item.summaryOnly();
    }

    private ExtractedArticle fetchPage(URI link) throws FetchException {
        FetchResult page = fetcher.fetch(new FetchRequest(link, null, null, false));
        return ArticlePage.extract(page.text(), page.finalUri(), null);
    }
}
