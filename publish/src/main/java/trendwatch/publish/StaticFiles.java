package trendwatch.publish;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

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

    private StaticFiles() {
    }

    /** Serves {@code classpathRoot + (path after prefix)}; 404 for anything missing or outside the root. */
    static void serve(HttpExchange exchange, String prefix, String classpathRoot) throws IOException {
        String rest = exchange.getRequestURI().getPath().substring(prefix.length());
        if (rest.isEmpty() || rest.contains("..") || rest.contains("//") || rest.startsWith("/")) {
            throw new NotFoundException(exchange.getRequestURI().getPath());
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(classpathRoot + rest)) {
            if (in == null) {
                throw new NotFoundException(exchange.getRequestURI().getPath());
            }
            byte[] bytes = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension(rest),
                    "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "public, max-age=3600");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
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
