package trendwatch.ingest.feed;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A feed as read from its text.
 *
 * @param title the feed's title, or null
 * @param siteUrl the site the feed belongs to (RSS channel link, Atom alternate link, JSON Feed home_page_url), or null
 * @param lang the feed's language tag ("en-us", "zh-CN"), or null
 * @param ttl how long the publisher asks readers to wait between polls (RSS {@code <ttl>}, {@code sy:updatePeriod}
 *     with {@code sy:updateFrequency}), or null
 * @param items the items in document order
 */
public record ParsedFeed(String title, URI siteUrl, String lang, Duration ttl, List<FeedItem> items) {

    public ParsedFeed {
        items = List.copyOf(items);
    }
}
