package trendwatch.ingest.fetch;

import java.net.URI;
import java.util.Objects;

/**
 * One GET. {@code etag} and {@code lastModified} are the validators of the copy the caller already has (null
 * when none); they are sent as If-None-Match / If-Modified-Since. {@code untrusted} marks a URL that came from
 * a user (submit API or CLI) rather than from the operator's sources file; see {@link Fetcher} for the rule.
 */
public record FetchRequest(URI uri, String etag, String lastModified, boolean untrusted) {

    public FetchRequest {
        Objects.requireNonNull(uri, "uri");
    }

    /** A configured source with no cached copy. */
    public static FetchRequest of(URI uri) {
        return new FetchRequest(uri, null, null, false);
    }

    /** A URL a user submitted. */
    public static FetchRequest untrusted(URI uri) {
        return new FetchRequest(uri, null, null, true);
    }

    public FetchRequest withValidators(String newEtag, String newLastModified) {
        return new FetchRequest(uri, newEtag, newLastModified, untrusted);
    }
}
