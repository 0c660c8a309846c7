package trendwatch.publish;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves files from the jar: the dashboard's own files under {@code /static/} and the WebJars (the chart
 * library) under {@code /webjars/}, so the dashboard needs no network beyond this server.
 */
final class StaticFiles {

    private static final Map<String, String> TYPES = Map.of(
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "html", "text/html; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "json", "application/json; charset=utf-8",
            "map", "application/json; charset=utf-8");

    /** A file served: its content and its validator. */
    private record File(byte[] bytes, String etag) {
    }

    /** The files served so far, by resource path: at most the jar's files (a path with nothing is not kept). */
    private static final Map<String, File> LOADED = new ConcurrentHashMap<>();

    private StaticFiles() {
    }

    /** Serves {@code classpathRoot + (path after prefix)}; 404 for anything missing or outside the root. */
    static void serve(HttpExchange exchange, String prefix, String classpathRoot) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(prefix.length());
        if (rest.isEmpty() || rest.contains("..") || rest.contains("//") || rest.startsWith("/")) {
            throw new NotFoundException(exchange.getRequestURI().getPath());
        }
        File file = LOADED.computeIfAbsent(classpathRoot + rest, StaticFiles::load);
        if (file == null) {
            throw new NotFoundException(exchange.getRequestURI().getPath());
        }
        exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension(rest),
                "application/octet-stream"));
        // the URLs carry no version: a browser must ask each time whether it may keep its copy, or after an
        // upgrade it would run the old script against the new API
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("ETag", file.etag());
        if (matches(exchange.getRequestHeaders().getFirst("If-None-Match"), file.etag())) {
            exchange.sendResponseHeaders(304, -1);
        } else {
            HttpApi.sendBody(exchange, 200, file.bytes());
        }
    }

    /**
     * The jar's files do not change while it runs: each is read and hashed once, not at every request. Null for a
     * path with no file.
     */
    private static File load(String resource) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return new File(bytes, etag(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A strong validator from the content, so it changes exactly when the file does. */
    private static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return '"' + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): a proxy may have marked our tag weak. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag));
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** A path that names no file; answered with 404. */
    static final class NotFoundException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotFoundException(String path) {
            super("no such file: " + path);
        }
    }
}
