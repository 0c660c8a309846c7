package trendwatch.ingest.source;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A small news site on loopback for the source tests: feeds of every format, a feed that changes between polls,
 * validators and 304s, a 429 with Retry-After, a redirect, a summary-only feed (and one whose teaser changes once
 * {@code updated}), a GBK page, and a feed without validators whose two items have one canonical URL.
 */
final class LoopbackSite implements AutoCloseable {

    static final int BUSY_ITEMS = 40;

    private final HttpServer server;
    final PathCounts requests = new PathCounts();
    final PathCounts notModified = new PathCounts();
    final AtomicBoolean updated = new AtomicBoolean(false);

    LoopbackSite() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::route);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }



    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(path);
        try (exchange) {
            switch (path) {
                case "/rss.xml" -> withEtag(exchange, path, "\"rss-v1\"", rss("Full-content feed",
                        item("/rss/1", "Unitree unveils a cheaper humanoid robot",
                                "Unitree showed a humanoid robot priced below 100,000 yuan, with dexterous hands."),
                        item("/rss/2", "宁德时代发布新一代固态电池",
                                "宁德时代发布新一代固态电池，能量密度达到500Wh/kg，计划2027年小批量生产。")));
                case "/summary.xml" -> send(exchange, 200, "application/atom+xml", atomSummaryOnly("A short teaser."));
                case "/teaser.xml" -> send(exchange, 200, "application/atom+xml", atomSummaryOnly(updated.get()
                        ? "A longer teaser, rewritten." : "A short teaser."));
                case "/feed.json" -> send(exchange, 200, "application/feed+json", jsonFeed());
                case "/updating.xml" -> send(exchange, 200, "application/rss+xml", updated.get()
                        ? rss("Updating", item("/up/1", "Waymo adds a city", "Waymo's robotaxi service adds a city."),
                                item("/up/2", "Starship flies again", "SpaceX's Starship booster was caught again."))
                        : rss("Updating", item("/up/1", "Waymo adds a city", "Waymo's robotaxi service adds a city.")));
                case "/dup.xml" -> send(exchange, 200, "application/rss+xml", rss("Duplicates",
                        item("/a/dup.html", "Dup first", "Robotaxis reach a tenth city this spring."),
                        item("/a/dup.html?utm_source=x", "Dup second", "The same story, told with other words.")));
                case "/busy.xml" -> send(exchange, 200, "application/rss+xml", rss("Busy", busyItems()));
                case "/late.xml" -> send(exchange, 200, "application/rss+xml", rss("Late",
                        item("/late/1", "A source added while running", "Quantum-dot solid-state battery pilot line.")));
                case "/limited.xml" -> {
                    exchange.getResponseHeaders().set("Retry-After", "3600");
                    send(exchange, 429, "text/plain", "slow down");
                }
                case "/moved.xml" -> {
                    exchange.getResponseHeaders().set("Location", url("/rss-moved.xml"));
                    send(exchange, 301, "text/plain", "moved");
                }
                case "/rss-moved.xml" -> send(exchange, 200, "application/rss+xml", rss("Moved",
                        item("/moved/1", "NVIDIA ships Blackwell inference GPUs",
                                "NVIDIA began shipping Blackwell GPUs built for AI inference in data centers.")));
                case "/list.html" -> send(exchange, 200, "text/html", """
                        <html><body><nav><a href="/about">About</a></nav>
                        <ul class="news"><li><a href="/news/gbk.html?utm_source=list">药企新闻</a></li></ul>
                        </body></html>""");
                case "/news/gbk.html" -> send(exchange, 200, "text/html", gbkPage(), Charset.forName("GBK"));
                case "/articles/solid-state.html" -> send(exchange, 200, "text/html; charset=utf-8", fullArticle());
                default -> send(exchange, 404, "text/plain", "not found");
            }
        }
    }

    private void withEtag(HttpExchange exchange, String path, String etag, String body) throws IOException {
        if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.add(path);
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().set("ETag", etag);
        send(exchange, 200, "application/rss+xml; charset=utf-8", body);
    }

    /** A feed with many new items at once (read with {@code fullText: never}: no page to fetch). */
    private String[] busyItems() {
        String[] items = new String[BUSY_ITEMS];
        for (int i = 0; i < items.length; i++) {
            items[i] = item("/busy/" + i, "Launch " + i, "Reusable rocket number " + i + " landed on its barge.");
        }
        return items;
    }

    private String item(String path, String title, String content) {
        return "<item><title>" + title + "</title><link>" + url(path) + "</link><guid>" + url(path) + "</guid>"
                + "<pubDate>Mon, 03 Feb 2025 08:00:00 +0800</pubDate><description>" + title + "</description>"
                + "<content:encoded><![CDATA[<p>" + content + "</p><p>" + content + " " + content
                + "</p>]]></content:encoded></item>";
    }

    private static String rss(String title, String... items) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" "
                + "xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><channel><title>" + title
                + "</title><link>http://example.com/</link><description>d</description>" + String.join("", items)
                + "</channel></rss>";
    }

    private String atomSummaryOnly(String teaser) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Summaries</title><id>urn:summaries</id><updated>2025-02-03T00:00:00Z</updated>"
                + "<entry><title>Solid-state batteries near production</title><id>urn:ss</id>"
                + "<link href=\"" + url("/articles/solid-state.html") + "\"/>"
                + "<updated>2025-02-03T00:00:00Z</updated><summary>" + teaser + "</summary></entry></feed>";
    }

    private String jsonFeed() {
        return "{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"JSON news\",\"items\":[{\"id\":\"j1\","
                + "\"url\":\"" + url("/json/1") + "\",\"title\":\"Innovative drug approved\",\"content_html\":"
                + "\"<p>The FDA approved an innovative bispecific antibody after a phase 3 clinical trial.</p>"
                + "<p>Biotech investors cheered the approval of the new drug.</p>\","
                + "\"date_published\":\"2025-02-03T09:00:00+08:00\"}]}";
    }

    private static String fullArticle() {
        String paragraph = "<p>QuantumScape said its solid-state battery cells passed another round of testing, "
                + "with a sulfide electrolyte and an energy density well above today's lithium-ion cells.</p>";
        return "<html><head><title>Solid-state batteries near production - Example News</title></head><body>"
                + "<nav><a href='/'>Home</a><a href='/tech'>Tech</a></nav><article><h1>Solid-state batteries near "
                + "production</h1>" + paragraph.repeat(4) + "</article><footer>Copyright Example News</footer>"
                + "</body></html>";
    }

    private static String gbkPage() {
        return "<html><head><meta charset=\"gbk\"><title>创新药出海提速</title></head><body><article>"
                + "<h1>创新药出海提速</h1><p>国内创新药企业的临床试验数量快速增长，多款新药获得海外授权，"
                + "生物医药行业迎来新的发展机遇。</p><p>分析人士认为，创新药出海将成为未来几年医药行业的主线。</p>"
                + "</article></body></html>";
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        send(exchange, status, type, body, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, String body, Charset charset)
            throws IOException {
        byte[] bytes = body.getBytes(charset);
        exchange.getResponseHeaders().set("Content-Type", type);
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
