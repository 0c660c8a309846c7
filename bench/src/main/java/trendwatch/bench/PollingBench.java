package trendwatch.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import trendwatch.app.EmbeddedKafka;
import trendwatch.app.TopicSetup;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.IngestConfig;
import trendwatch.ingest.IngestService;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.KafkaConnection;

/**
 * Steady-state cost of polling many unchanged feeds: N feeds on N different loopback hosts (127.0.0.x, so
 * per-host politeness does not serialise them), polled every minute by the real ingest stage into an embedded
 * broker. After a warm-up (the first poll publishes every item), it counts the requests each poll cycle costs
 * and the CPU the polling threads and the whole process use per minute.
 *
 * <pre>java -cp bench/target/benchmarks.jar trendwatch.bench.PollingBench [feeds=200] [warmupSeconds=150] [measureSeconds=300]</pre>
 */
public final class PollingBench {

    private static final int ITEMS_PER_FEED = 10;

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong robots = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int feeds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 150;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        new PollingBench().run(feeds, Duration.ofSeconds(warmup), Duration.ofSeconds(measure));
        System.exit(0);
    }

    private void run(int feeds, Duration warmup, Duration measure) throws Exception {
        Path dir = Files.createTempDirectory("polling-bench");
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        int port = server.getAddress().getPort();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), freePort(), freePort())) {
            TopicSetup.ensure(KafkaConnection.of(kafka.bootstrapServers()), List.of(), 3);
            Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n" + IntStream.range(0, feeds)
                    .mapToObj(i -> "  - {id: f" + i + ", type: feed, url: \"http://127.0.0." + (1 + i % 250) + ":"
                            + port + "/feed/" + i + ".xml\", minInterval: 1m, maxInterval: 1m, fullText: never}")
                    .collect(Collectors.joining("\n")) + "\n");
            IngestConfig config = new IngestConfig(KafkaConnection.of(kafka.bootstrapServers()), List.of(), sources,
                    FileArticleReader.DEFAULT_MAX_BYTES, Duration.ofSeconds(1), "polling-bench", dir.resolve("seen"),
                    FetchPolicy.defaults(), new SimpleMeterRegistry(), Clock.systemUTC());
            try (IngestService ingest = new IngestService(config)) {
                ingest.start();
                System.out.printf(Locale.ROOT, "%d feeds x %d items, polled every minute; warming up %d s%n", feeds,
                        ITEMS_PER_FEED, warmup.toSeconds());
                Thread.sleep(warmup.toMillis());
                measure(feeds, measure);
            }
        } finally {
            server.stop(0);
        }
    }

    private void measure(int feeds, Duration measure) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long requests0 = requests.get();
        long notModified0 = notModified.get();
        long robots0 = robots.get();
        long polling0 = pollingCpu(threads);
        long process0 = os.getProcessCpuTime();
        Thread.sleep(measure.toMillis());
        double minutes = measure.toSeconds() / 60.0;
        long feedRequests = requests.get() - requests0;
        System.out.printf(Locale.ROOT, "requests per poll cycle of %d unchanged feeds: %.1f (%.1f %% answered 304),"
                        + " robots.txt requests in the window: %d%n", feeds, feedRequests / minutes,
                100.0 * (notModified.get() - notModified0) / Math.max(1, feedRequests), robots.get() - robots0);
        System.out.printf(Locale.ROOT, "CPU of the polling threads: %.2f s per minute (%.2f %% of one core)%n",
                (pollingCpu(threads) - polling0) / 1e9 / minutes, (pollingCpu(threads) - polling0) / 1e9
                        / measure.toSeconds() * 100);
        System.out.printf(Locale.ROOT, "CPU of the whole process (broker and test server included): %.2f s per"
                + " minute (%.2f %% of one core)%n", (os.getProcessCpuTime() - process0) / 1e9 / minutes,
                (os.getProcessCpuTime() - process0) / 1e9 / measure.toSeconds() * 100);
    }

    /** CPU time of the threads that poll (fetch, parse, decide) and of the producer that saves source state. */
    private static long pollingCpu(ThreadMXBean threads) {
        return Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
                .filter(info -> info != null && (info.getThreadName().startsWith("ingest-sources")
                        || info.getThreadName().contains("kafka-producer-network-thread")))
                .mapToLong(info -> Math.max(0, threads.getThreadCpuTime(info.getThreadId()))).sum();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                robots.incrementAndGet();
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            requests.incrementAndGet();
            String etag = "\"" + path.hashCode() + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            byte[] body = feed(path).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String feed(String path) {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < ITEMS_PER_FEED; i++) {
            items.append("<item><title>Item ").append(i).append(" of ").append(path).append("</title><link>http://")
                    .append("news.example").append(path).append("/").append(i).append("</link><description>")
                    .append("Solid-state battery makers and humanoid robot startups raised money this week. ".repeat(8))
                    .append("</description></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + path + "</title><link>http://"
                + "news.example/</link><description>d</description>" + items + "</channel></rss>";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
