package trendwatch.ingest.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** What the fetcher needs from a URL: validation, host, port, request target, Host header and robots origin. */
final class Urls {

    private Urls() {
    }

    /** The URL if it is an absolute http(s) URL with a host, normalised to ASCII; otherwise BAD_URL. */
    static URI checked(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new FetchException(FetchException.Kind.BAD_URL, uri, "only http and https URLs can be fetched");
        }
        URI ascii;
        try {
            ascii = new URI(uri.toASCIIString());
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.BAD_URL, uri, "not a valid URL: " + e.getReason(), e);
        }
        if (ascii.getHost() == null || ascii.getHost().isEmpty()) {
            throw new FetchException(FetchException.Kind.BAD_URL, uri, "the URL has no (valid) host");
        }
        int port = ascii.getPort();
        if (port == 0 || port > 65535) {
            throw new FetchException(FetchException.Kind.BAD_URL, uri, "port " + port + " is not a valid port");
        }
        return ascii;
    }

    static int port(URI uri) {
        if (uri.getPort() > 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The host without IPv6 brackets or a trailing dot, lower case. */
    static String hostName(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            return host.substring(1, host.length() - 1);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    /** The Host header: the name as written, with the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        boolean defaultPort = uri.getPort() < 0 || uri.getPort() == ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    static String requestTarget(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    /** scheme://host:port, the scope of one robots.txt. */
    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + hostName(uri) + ":" + port(uri);
    }
}
