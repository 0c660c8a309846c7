package trendwatch.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A raw article as ingest publishes it to {@code trend.articles.raw}.
 *
 * @param site the publication the article appeared in (a WeChat account, a newspaper), when known
 * @param body plain text, paragraphs separated by blank lines
 * @param fetchedAt when trendwatch first saw this article; the event time when {@code publishedAt} is unknown
 * @param contentHash hash of title and body, so an unchanged article is recognised and not republished
 */
public record Article(int schema, String id, SourceRef source, String url, String title, String author, String site,
                      String lang,
                      Instant publishedAt, Instant fetchedAt, String body, String contentHash) {

    public static final int SCHEMA = 1;
    /**
     * Every labeled paragraph repeats its article's title and URL, and the article's labels repeat them once per
     * sector: a title of megabytes would make records larger than a topic takes.
     */
    public static final int MAX_TITLE_CHARS = 1_000;
    public static final int MAX_URL_CHARS = 8_192;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    public Article {
        Require.text(id, "id");
        Require.atMost(title, MAX_TITLE_CHARS, "title");
        Require.atMost(url, MAX_URL_CHARS, "url");
        Require.present(source, "source");
        Require.present(fetchedAt, "fetchedAt");
        Require.present(body, "body");
    }

    /** The same article, first seen at {@code firstSeenAt}: a re-fetch must not move it to another time bucket. */
    public Article withFetchedAt(Instant firstSeenAt) {
        return new Article(schema, id, source, url, title, author, site, lang, publishedAt, firstSeenAt, body,
                contentHash);
    }

    /** The instant the article counts at: its publication time, else the time it was first fetched. */
    public Instant eventTime() {
        return publishedAt != null ? publishedAt : fetchedAt;
    }

    /**
     * Why classify would send the article to the dead-letter topic rather than count it, or empty: an event time
     * outside the years 1 to 9999 (publish's bucket arithmetic overflows Instant's far years), or a paragraph longer
     * than {@link Paragraphs#MAX_CHARS}. One rule for classify, {@code trendwatch label} and submissions, which are
     * refused at once rather than accepted and then dead-lettered.
     */
    public Optional<String> whyNotCountable() {
        return whyNotCountable(Paragraphs.split(body));
    }

    /** As {@link #whyNotCountable()}, for a caller that has split the body into {@code paragraphs} already. */
    public Optional<String> whyNotCountable(List<String> paragraphs) {
        Instant eventTime = eventTime();
        if (eventTime.isBefore(EARLIEST) || !eventTime.isBefore(LATEST)) {
            return Optional.of("event time " + eventTime + " is outside the years 1 to 9999");
        }
        return Paragraphs.findTooLong(paragraphs);
    }
}
