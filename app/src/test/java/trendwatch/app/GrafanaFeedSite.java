package trendwatch.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A feed on loopback for the Grafana dashboard test, so the pipeline's polled-source metrics exist: {@code /feed.xml}
 * is an RSS feed with an ETag (the first poll is {@code ok}, later ones {@code not-modified}), {@code /gone.xml}
 * answers 404 (an error outcome).
 */
final class GrafanaFeedSite implements AutoCloseable {

    private static final String ETAG = "\"grafana-v1\"";

    private final HttpServer server;

    GrafanaFeedSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::route);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void route(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/feed.xml")) {
                send(exchange, 404, "text/plain", "not found");
            } else if (ETAG.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                exchange.getResponseHeaders().set("ETag", ETAG);
                send(exchange, 200, "application/rss+xml", feed());
            }
        }
    }

    private String feed() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Loopback robotics</title><link>%s</link>
                <description>test</description>
                <item><title>Humanoid robots go to work</title><link>%s</link><guid>grafana-1</guid>
                <pubDate>Mon, 03 Feb 2025 01:00:00 GMT</pubDate>
                <description>Unitree and Figure showed humanoid robots with dexterous hands sorting parcels; embodied AI
                start-ups raised new rounds to train them.</description></item>
                </channel></rss>
                """.formatted(url("/"), url("/robots-at-work"));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
