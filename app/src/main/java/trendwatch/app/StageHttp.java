package trendwatch.app;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import trendwatch.publish.HealthCheck;
import trendwatch.publish.HttpApi;

/**
 * The HTTP server of a process that runs no publish stage (an ingest or classify instance on its own):
 * {@code /metrics} and {@code /health}, plus whatever the stage mounts (ingest's submit and sources endpoints).
 */
final class StageHttp implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(HttpApi.THREADS);

    StageHttp(String host, int port, PrometheusMeterRegistry metrics, List<HealthCheck> health) throws IOException {
        server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(executor);
        mount("/metrics", exchange -> HttpApi.send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                metrics.scrape()));
        mount("/health", exchange -> {
            Map<String, String> stages = new LinkedHashMap<>();
            health.forEach(check -> stages.put(check.name(), check.state()));
            boolean up = health.stream().allMatch(HealthCheck::healthy);
            HttpApi.sendJson(exchange, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "stages", stages));
        });
    }

    void mount(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            try (exchange) {
                handler.handle(exchange);
            }
        });
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
