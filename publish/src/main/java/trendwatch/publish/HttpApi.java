package trendwatch.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.Granularity;
import trendwatch.model.Json;
import trendwatch.model.taxonomy.Sector;
import trendwatch.model.taxonomy.Taxonomy;

/** The HTTP face of publish: the dashboard, the JSON API, Prometheus metrics and health. */
public final class HttpApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final String GRANULARITIES = Arrays.stream(Granularity.values()).map(Granularity::id)
            .collect(Collectors.joining(", "));

    /** What the API reads from; each part is owned and closed by whoever made it. */
    public record Sources(Taxonomy taxonomy, TrendQueries trends, CountStores localCounts,
                          RecentParagraphs paragraphs, RecentBursts bursts, PrometheusMeterRegistry metrics,
                          List<HealthCheck> health, Intake intake) {
    }

    /**
     * Request threads. A submitted article holds its thread until its transaction commits; submissions that wait
     * together commit together, so more threads let more of them share a transaction (and leave some free for
     * the dashboard meanwhile).
     */
    public static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);
    private final Sources sources;
    private final EventStream events = new EventStream();

    /** Binds at once, so a port in use fails here with a {@link java.net.BindException}. */
    public HttpApi(String host, int port, Sources sources) throws IOException {
        this.sources = sources;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 0);
        server.setExecutor(executor);
        mountGet("/", this::dashboard);
        mountGet("/api/sectors", exchange -> sendJson(exchange, 200, sectors()));
        mountGet("/api/trends", exchange -> sendJson(exchange, 200, sources.trends().trends(trendQuery(exchange))));
        mountGet("/api/summary", this::summary);
        mountGet(ClusterCountStores.PATH, this::localBuckets);
        mountGet("/api/bursts", this::bursts);
        server.createContext("/api/stream", events);
        sources.paragraphs().listen(paragraph -> events.publish("paragraph", json(paragraph)));
        mountGet("/api/paragraphs", this::paragraphs);
        mountGet("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                sources.metrics().scrape()));
        mountGet("/health", this::health);
        mountGet("/static/", exchange -> StaticFiles.serve(exchange, "/static/", "/trendwatch/publish/static/"));
        mountGet("/webjars/", exchange -> StaticFiles.serve(exchange, "/webjars/", "/META-INF/resources/webjars/"));
    }

    /** Adds a route; each handler's failures become one-line JSON errors. */
    public void mount(String path, HttpHandler handler) {
        server.createContext(path, exchange -> handle(exchange, handler));
    }

    /** Adds a route that only reads: any method but GET and HEAD is answered 405, as POST /api/stream is. */
    private void mountGet(String path, HttpHandler handler) {
        mount(path, exchange -> {
            String method = exchange.getRequestMethod();
            if (method.equals("GET") || method.equals("HEAD")) {
                handler.handle(exchange);
            } else {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                sendError(exchange, 405, "use GET");
            }
        });
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange, HttpHandler handler) throws IOException {
        try {
            handler.handle(exchange);
        } catch (BadRequestException e) {
            sendError(exchange, 400, e.getMessage());
        } catch (StaticFiles.NotFoundException e) {
            sendError(exchange, 404, e.getMessage());
        } catch (ClusterCountStores.SharedAddressException e) {
            LOG.error("http: {}", e.getMessage());
            sendError(exchange, 503, e.getMessage());
        } catch (InvalidStateStoreException e) {
            sendError(exchange, 503, "counts are not ready yet (publish is starting or rebalancing)");
        } catch (RuntimeException e) {
            LOG.error("http: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            sendError(exchange, 500, "internal error: " + e.getClass().getSimpleName());
        } finally {
            exchange.close();
        }
    }

    private void dashboard(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.equals("/") && !path.equals("/index.html")) {
            sendError(exchange, 404, "no such page: " + path);
            return;
        }
        send(exchange, 200, "text/html; charset=utf-8", DashboardPage.render(sources.intake(), address(exchange)));
    }

    /**
     * The address the browser used, so the submit command shown works from where it is read: behind a proxy that
     * ends TLS, the scheme the proxy says the browser used.
     */
    private String address(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        String proto = exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
        boolean https = proto != null && proto.split(",")[0].strip().equalsIgnoreCase("https");
        return (https ? "https://" : "http://") + (host == null || host.isBlank() ? "localhost:" + port()
                : host.strip());
    }

    private List<Map<String, Object>> sectors() {
        return sources.taxonomy().sectors().stream().map(HttpApi::describe).toList();
    }

    private static Map<String, Object> describe(Sector sector) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", sector.id());
        out.put("zh", sector.zh());
        out.put("en", sector.en());
        out.put("description", sector.description());
        return out;
    }

    private TrendQuery trendQuery(HttpExchange exchange) {
        QueryParams params = new QueryParams(exchange.getRequestURI());
        Instant from = params.rangeStart("from");
        return new TrendQuery(granularity(params), from, params.rangeEnd("to", from), knownSector(params));
    }

    private static Granularity granularity(QueryParams params) {
        String raw = params.text("granularity", "day");
        try {
            return Granularity.parse(raw);
        } catch (IllegalArgumentException e) {
            // in the <parameter>=<value> form of the other parameters' errors, not the model's own wording
            throw new BadRequestException("granularity=" + raw + " is not one of " + GRANULARITIES);
        }
    }

    private void summary(HttpExchange exchange) throws IOException {
        Granularity granularity = granularity(new QueryParams(exchange.getRequestURI()));
        List<Map<String, Object>> cards = new ArrayList<>();
        for (TrendPoint point : sources.trends().current(granularity, sources.taxonomy().sectorIds())) {
            Map<String, Object> card = Json.MAPPER.convertValue(point, LinkedHashMap.class);
            Sector sector = sources.taxonomy().sectors().stream().filter(s -> s.id().equals(point.sector()))
                    .findFirst().orElseThrow();
            card.put("zh", sector.zh());
            card.put("en", sector.en());
            cards.add(card);
        }
        sendJson(exchange, 200, cards);
    }

    /** This instance's part of the bucket stores, for the other publish instances. */
    private void localBuckets(HttpExchange exchange) throws IOException {
        QueryParams params = new QueryParams(exchange.getRequestURI());
        Instant from = params.rangeStart("from");
        Map<Instant, BucketCounts> buckets = new TreeMap<>(sources.localCounts().buckets(granularity(params),
                from, params.rangeEnd("to", from)));
        sendJson(exchange, 200, buckets);
    }

    private void bursts(HttpExchange exchange) throws IOException {
        QueryParams params = new QueryParams(exchange.getRequestURI());
        int limit = params.integer("limit", 20, 1, 200);
        sendJson(exchange, 200, sources.bursts().latest(knownSector(params), limit));
    }

    private void paragraphs(HttpExchange exchange) throws IOException {
        QueryParams params = new QueryParams(exchange.getRequestURI());
        int limit = params.integer("limit", 20, 1, 200);
        sendJson(exchange, 200, sources.paragraphs().latest(knownSector(params), limit));
    }

    private String knownSector(QueryParams params) {
        String sector = params.text("sector");
        if (sector != null && !sources.taxonomy().sectorIds().contains(sector)) {
            throw new BadRequestException("sector=" + sector + " is not one of " + sources.taxonomy().sectorIds());
        }
        return sector;
    }

    private void health(HttpExchange exchange) throws IOException {
        Map<String, String> stages = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : sources.health()) {
            stages.put(check.name(), check.state());
            up &= check.healthy();
        }
        sendJson(exchange, up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "stages", stages));
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendError(HttpExchange exchange, int status, String reason) throws IOException {
        sendJson(exchange, status, Map.of("error", reason));
    }

    public static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        try {
            send(exchange, status, JSON, Json.MAPPER.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        sendBody(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends the status and body; to HEAD the same headers without the body. The length HEAD answers goes in the
     * header by hand: the JDK's server logs a warning when HEAD is given a length to send.
     */
    static void sendBody(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (isHead(exchange)) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static boolean isHead(HttpExchange exchange) {
        return exchange.getRequestMethod().equals("HEAD");
    }
}
