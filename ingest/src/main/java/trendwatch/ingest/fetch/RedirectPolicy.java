package trendwatch.ingest.fetch;

import java.net.URI;
import java.util.Set;

/**
 * Decides each redirect hop ourselves (the client never follows redirects), so that every hop is checked
 * like a fresh request: scheme, hop count, no HTTPS→HTTP downgrade; the fetcher then checks its address and
 * robots.txt.
 */
final class RedirectPolicy {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int maxRedirects;

    RedirectPolicy(int maxRedirects) {
        this.maxRedirects = maxRedirects;
    }

    static boolean isRedirect(int status) {
        return REDIRECTS.contains(status);
    }

    /**
     * The next URL after {@code from} answered a redirect to {@code location}, being hop number {@code hop}
     * (1 for the first redirect).
     */
    URI next(URI from, String location, int hop) throws FetchException {
        if (location == null || location.isBlank()) {
            throw new FetchException(FetchException.Kind.BAD_URL, from, "redirect without a Location");
        }
        if (hop > maxRedirects) {
            throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, from,
                    "more than " + maxRedirects + " redirects");
        }
        URI target;
        try {
            target = from.resolve(URI.create(location.trim().replace(" ", "%20")));
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, from, "redirect to a malformed Location " + location, e);
        }
        URI checked = Urls.checked(target);
        if ("https".equalsIgnoreCase(from.getScheme()) && "http".equalsIgnoreCase(checked.getScheme())) {
            throw new FetchException(FetchException.Kind.DOWNGRADE, from,
                    "refusing the redirect from HTTPS to plain HTTP " + checked);
        }
        return stripFragment(checked);
    }

    private static URI stripFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
