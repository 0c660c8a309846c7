package trendwatch.ingest.source;

import java.time.Duration;

/**
 * What one poll of a source found.
 *
 * @param outcome {@code ok} or {@code not-modified}
 * @param freshFor how long the server (Cache-Control, Expires) or the feed ({@code <ttl>}) says not to ask again
 * @param unfinished items or links left for the next poll to try again (a page that did not answer, links past
 *     the cap of one poll): that poll must not send this one's validators, or a 304 would hide them for good
 */
record PollResult(String outcome, int published, String etag, String lastModified, Duration freshFor,
                  int unfinished) {

    static PollResult notModified(String etag, String lastModified, Duration freshFor) {
        return new PollResult("not-modified", 0, etag, lastModified, freshFor, 0);
    }

    boolean isNotModified() {
        return "not-modified".equals(outcome);
    }
}
