package trendwatch.ingest.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical article URLs: the same article reached through a newsletter, a share button or a feed
 * gets the same URL, and so the same id.
 */
public final class Urls {

    /** Parameters whose names start like this are campaign tracking (utm_source, utm_medium, …). */
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "__twitter_impression", "_hs", "pk_", "mtm_");

    /**
     * Tracking and share parameters that never select content. Click ids of ad networks (fbclid, gclid,
     * dclid, msclkid, yclid, twclid, ttclid, li_fat_id), mailing tools (mc_cid, mc_eid, mkt_tok, vero_id,
     * _hsenc, _hsmi), analytics (_ga, _gl, spm, igshid), share buttons of Chinese sites and apps
     * (from, scene, share_source, share_medium, isappinstalled, tt_from, wxshare_count). Ambiguous names
     * such as "ref", "source" or "id" are kept: some sites serve different pages for them.
     */
    static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id", "wbraid", "gbraid",
            "mc_cid", "mc_eid", "mkt_tok", "vero_id", "vero_conv", "oly_anon_id", "oly_enc_id", "wickedid", "_hsenc", "_hsmi",
            "_ga", "_gl", "igshid", "igsh", "spm", "scm", "from", "scene", "share_source", "share_medium", "share_token",
            "isappinstalled", "tt_from", "wxshare_count", "sharer_sharetime", "sharer_shareid", "ref_src", "cmpid", "ncid",
            "s_cid", "ocid", "xtor", "at_medium", "at_campaign");

    /**
     * Hosts whose article URLs are known exactly: a WeChat article is __biz, mid, idx and sn; everything
     * else (chksm, sessionid, scene, ascene, pass_ticket, …) changes per reader.
     */
    private static final Map<String, Set<String>> ONLY_PARAMETERS =
            Map.of("mp.weixin.qq.com", Set.of("__biz", "mid", "idx", "sn"));

    private static final Pattern PERCENT = Pattern.compile("%[0-9a-fA-F]{2}");

    private Urls() {
    }

    /**
     * The canonical form of an absolute http(s) URL: lower-cased scheme and host, no default port, no
     * fragment, no user info, dot segments resolved, an empty path as "/", percent escapes upper-cased,
     * tracking parameters ({@link #TRACKING}, utm_* and the like) removed, the other parameters kept in order.
     *
     * @throws IllegalArgumentException when the URL is relative or not http(s)
     */
    public static URI canonical(URI url) {
        URI found = findCanonical(url);
        if (found == null) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + url);
        }
        return found;
    }

    /** Like {@link #canonical(URI)}, null for a URL that cannot have one. */
    public static URI findCanonical(URI url) {
        if (!Links.isHttp(url) || url.getHost() == null) {
            return null;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        host = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = query(url.getRawQuery(), ONLY_PARAMETERS.get(host));
        String text = scheme + "://" + host + (defaultPort ? "" : ":" + port) + upperEscapes(path)
                + (query.isEmpty() ? "" : "?" + upperEscapes(query));
        try {
            return new URI(text).normalize();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** 16 hex digits of the SHA-256 of the canonical URL: the article's id on every topic. */
    public static String articleId(URI canonicalUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalUrl.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String query(String rawQuery, Set<String> only) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            String name = name(pair);
            if (!pair.isEmpty() && (only != null ? only.contains(name) : !isTracking(name))) {
                kept.add(pair);
            }
        }
        return String.join("&", kept);
    }

    private static String name(String pair) {
        int eq = pair.indexOf('=');
        String raw = eq < 0 ? pair : pair.substring(0, eq);
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return TRACKING.contains(lower) || TRACKING_PREFIXES.stream().anyMatch(lower::startsWith);
    }

    private static String upperEscapes(String text) {
        Matcher m = PERCENT.matcher(text);
        return m.replaceAll(r -> r.group().toUpperCase(Locale.ROOT));
    }
}
