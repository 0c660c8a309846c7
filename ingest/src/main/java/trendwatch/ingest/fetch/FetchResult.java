package trendwatch.ingest.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * A 2xx or 304 response. {@code finalUri} is where the last redirect led; {@code body} is decompressed (empty
 * for a 304); {@code freshFor} comes from Cache-Control max-age (ZERO for no-cache/no-store) or Expires, null
 * when the server said nothing; {@code retryAfter} from Retry-After, null when absent.
 */
public record FetchResult(int status, URI finalUri, byte[] body, String contentType, String etag, String lastModified,
                          Duration freshFor, Duration retryAfter) {

    public boolean notModified() {
        return status == 304;
    }

    /** The body as text, in the charset the header, BOM or document declares (see {@link Charsets}). */
    public String text() {
        return Charsets.decode(body, contentType);
    }
}
