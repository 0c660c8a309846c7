package trendwatch.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Link texts from feeds and pages to absolute http(s) URIs, forgiving the usual sloppiness. */
final class Links {

    private Links() {
    }

    /** {@code href} resolved against {@code base}; null when blank, unparseable, or not http(s). */
    static URI resolve(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String escaped = escape(href.strip());
        URI uri = parse(escaped);
        if (uri == null) {
            // brackets are legal only around an IPv6 host; "?tags[]=a" is common and browsers send it encoded
            uri = parse(escaped.replace("[", "%5B").replace("]", "%5D"));
        }
        if (uri == null) {
            return null;
        }
        try {
            URI absolute = base == null || uri.isAbsolute() ? uri : base.resolve(uri);
            return isHttp(absolute) ? absolute : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static URI parse(String text) {
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static boolean isHttp(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getRawAuthority() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    /** Spaces, CJK characters and other bytes browsers percent-encode silently, encoded the same way. */
    private static String escape(String href) {
        StringBuilder out = new StringBuilder(href.length());
        for (byte b : href.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c <= 0x20 || c >= 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^'
                    || c == '`' || c == '{' || c == '|' || c == '}') {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
