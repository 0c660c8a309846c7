package trendwatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.IngestConfig;
import trendwatch.ingest.IngestService;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.Article;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/**
 * "No misses" against a server that validates (304 to a matching ETag or an If-Modified-Since not older than the
 * document) and fails now and then: what one poll leaves undone is done by a later one, whatever the validators.
 */
class SourcesNoMissesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private KafkaTestCluster kafka;
    private Site site;

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name(),
                Topics.INGEST_SOURCES.name()), 1);
        site = new Site();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
        kafka.close();
    }

    /**
     * More new links than one poll fetches, behind as many dead ones (404), and a page that fails once: an
     * unchanged listing still yields every live one.
     */
    @Test
    void shouldFetchALinkPastTheCapOrThatFailedOnALaterPollOfAnUnchangedListing() throws Exception {
        int links = PagePoller.MAX_NEW_LINKS_PER_POLL + 5;
        String dead = IntStream.range(0, PagePoller.MAX_NEW_LINKS_PER_POLL)
                .mapToObj(i -> "<li><a href=\"/gone/" + i + ".html\">gone " + i + "</a></li>")
                .collect(Collectors.joining());
        String listing = IntStream.range(0, links)
                .mapToObj(i -> "<li><a href=\"/news/" + i + ".html\">story " + i + "</a></li>")
                .collect(Collectors.joining("", "<html><body><ul class=\"news\">" + dead, "</ul></body></html>"));
        site.serve("/list.html", "text/html", listing);
        for (int i = 0; i < links; i++) {
            site.serve("/news/" + i + ".html", "text/html", page("Story " + i, "Reusable rocket number " + i
                    + " landed on its barge, and the launch company says the booster will fly again next month."));
        }
        site.failOnce("/news/3.html");

        try (IngestService ingest = service("""
                sources:
                  - {id: listing, type: page, url: %s, links: "ul.news a", minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/list.html")))) {
            ingest.start();

            assertThat(awaitTitles(titles -> titles.size() >= links)).hasSize(links).contains("Story 3");
            assertThat(site.requests.of("/gone/0.html")).as("a dead link is not asked for at every poll").isOne();
            // once nothing is left, the unchanged listing is asked with its validators again
            Awaitility.await().atMost(DEADLINE).until(() -> site.notModified.of("/list.html") >= 1);
        }
    }

    /**
     * A summary-only item whose page fails once counts with the summary, then with the page's text once it answers;
     * an item counted with its page's text is not cut back to a new summary while its page fails.
     */
    @Test
    void shouldCompleteASummaryOnceItsPageAnswersAndNeverCutFullTextBackToASummary() throws Exception {
        site.serve("/feed.xml", "application/atom+xml", atom("first teaser", "second teaser"));
        site.serve("/a/1.html", "text/html", page("One", "Toyota and Idemitsu will build a solid-state battery"
                + " pilot line in Chiba, and the carmaker says the first cars with the new cells reach showrooms in 2027."));
        site.serve("/a/2.html", "text/html", page("Two", "CATL said its sulfide solid-state battery cells passed"
                + " nail-penetration tests, and it plans small-batch production of the cells within two years."));
        site.failOnce("/a/1.html");

        try (IngestService ingest = service("""
                sources:
                  - {id: teasers, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/feed.xml")))) {
            ingest.start();
            awaitBodies(bodies -> bodies.getOrDefault("One", "").contains("Chiba")
                    && bodies.getOrDefault("Two", "").contains("CATL"));
            assertThat(bodies().stream().filter(a -> a.title().equals("One")).map(Article::body))
                    .as("counted with the feed's text until its page answered").first().asString()
                    .contains("first teaser");

            site.failOnce("/a/2.html");
            site.serve("/feed.xml", "application/atom+xml", atom("first teaser", "second teaser, corrected"));
            Awaitility.await().atMost(DEADLINE).until(() -> site.failures("/a/2.html") == 0
                    && site.requests.of("/a/2.html") >= 3);
        }
        List<String> two = bodies().stream().filter(a -> a.title().equals("Two")).map(Article::body).toList();
        assertThat(two).as("every version of Two has the page's text").allMatch(body -> body.contains("CATL"));
    }

    /**
     * A source whose url is edited is the new URL's: it is polled now, without the old URL's validators; so is the
     * feed an OPML list numbers anew when it is edited, which is noticed without touching the sources file.
     */
    @Test
    void shouldPollAnEditedSourceAtOnceWithoutTheOldUrlsValidators() throws Exception {
        String newer = "Mon, 30 Nov 2026 13:00:00 GMT";
        String older = "Sun, 01 Nov 2026 00:00:00 GMT";
        site.serve("/old.xml", "application/rss+xml", rss("Old", "NVIDIA ships inference GPUs",
                "NVIDIA began shipping Blackwell GPUs built for AI inference."), newer);
        site.serve("/new.xml", "application/rss+xml", rss("New", "Waymo adds a city",
                "Waymo's robotaxi service now covers another city."), older);
        site.serve("/later.xml", "application/rss+xml", rss("Later", "Starship flies again",
                "SpaceX's Starship booster was caught by the tower again."), older);
        Path opml = Files.writeString(dir.resolve("subs.opml"), opml(site.url("/old.xml")));
        String sources = """
                sources:
                  - {id: edited, type: feed, url: %s, minInterval: 5m, maxInterval: 5m}
                  - {id: subs, type: opml, file: subs.opml, minInterval: 5m, maxInterval: 5m}
                """;

        try (IngestService ingest = service(sources.formatted(site.url("/old.xml")))) {
            ingest.start();
            awaitTitles(titles -> titles.contains("NVIDIA ships inference GPUs"));
            Awaitility.await().atMost(DEADLINE).until(() -> site.requests.of("/old.xml") >= 2);

            Files.writeString(dir.resolve("sources.yaml"), sources.formatted(site.url("/new.xml")));
            assertThat(awaitTitles(titles -> titles.contains("Waymo adds a city"))).isNotEmpty();

            Files.writeString(opml, opml(site.url("/later.xml"), site.url("/old.xml"))); // later.xml is subs-1 now
            assertThat(awaitTitles(titles -> titles.contains("Starship flies again")))
                    .as("an OPML list edited alone is read again").isNotEmpty();
        }
    }

    private IngestService service(String sources) throws IOException {
        return service(Files.writeString(dir.resolve("sources.yaml"), sources));
    }

    private IngestService service(Path sources) {
        FetchPolicy policy = FetchPolicy.defaults().withHostDelay(Duration.ofMillis(20));
        return new IngestService(new IngestConfig(kafka.connection(), List.of(), sources,
                FileArticleReader.DEFAULT_MAX_BYTES, Duration.ofMillis(200), "no-misses-it", dir.resolve("seen"),
                policy, new SimpleMeterRegistry(), Clock.systemUTC()));
    }

    private List<Article> bodies() {
        return kafka.readAll(Topics.ARTICLES_RAW.name()).stream().filter(r -> r.value() != null)
                .map(r -> Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", r.value())).toList();
    }

    private java.util.Set<String> awaitTitles(java.util.function.Predicate<java.util.Set<String>> done) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> bodies().stream().map(Article::title).collect(Collectors.toSet()), done);
    }

    private void awaitBodies(java.util.function.Predicate<Map<String, String>> done) {
        Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> bodies().stream().collect(Collectors.toMap(Article::title, Article::body, (a, b) -> b)),
                        done);
    }

    private static String page(String title, String text) {
        return "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1><p>" + text
                + "</p><p>" + text + "</p></article></body></html>";
    }

    private String atom(String firstSummary, String secondSummary) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>Teasers</title><id>urn:teasers</id><updated>2026-11-30T00:00:00Z</updated>"
                + entry("One", "/a/1.html", firstSummary) + entry("Two", "/a/2.html", secondSummary) + "</feed>";
    }

    private String entry(String title, String path, String summary) {
        return "<entry><title>" + title + "</title><id>urn:" + path + "</id><link href=\"" + site.url(path)
                + "\"/><published>2026-11-29T08:00:00Z</published><updated>2026-11-29T08:00:00Z</updated>"
                + "<summary>" + summary + "</summary></entry>";
    }

    private static String rss(String feed, String title, String text) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + feed
                + "</title><link>http://example.com/</link><description>d</description><item><title>" + title
                + "</title><link>http://example.com/" + feed.toLowerCase(java.util.Locale.ROOT) + "/1</link>"
                + "<description>" + text
                + "</description></item></channel></rss>";
    }

    private static String opml(String... feeds) {
        return "<?xml version=\"1.0\"?><opml version=\"2.0\"><head><title>subs</title></head><body>"
                + java.util.Arrays.stream(feeds).map(url -> "<outline type=\"rss\" text=\"f\" xmlUrl=\"" + url + "\"/>")
                .collect(Collectors.joining()) + "</body></opml>";
    }

    /**
     * A site that validates as real servers do: a 304 for the current ETag, or for an If-Modified-Since not older
     * than the document's Last-Modified (whatever URL that date came from).
     */
    private static final class Site implements AutoCloseable {

        private record Doc(String type, byte[] body, String etag, String lastModified) {
        }

        private final HttpServer server;
        private final Map<String, Doc> docs = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
        final PathCounts requests = new PathCounts();
        final PathCounts notModified = new PathCounts();

        Site() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::route);
            server.start();
        }

        String url(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        void serve(String path, String type, String body) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            docs.put(path, new Doc(type, bytes, "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "\"",
                    null));
        }

        void serve(String path, String type, String body, String lastModified) {
            docs.put(path, new Doc(type, body.getBytes(StandardCharsets.UTF_8), null, lastModified));
        }

        void failOnce(String path) {
            failuresLeft.put(path, new AtomicInteger(1));
        }

        int failures(String path) {
            return failuresLeft.getOrDefault(path, new AtomicInteger()).get();
        }



        private void route(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            requests.add(path);
            try (exchange) {
                Doc doc = docs.get("/robots.txt".equals(path) ? "" : path);
                AtomicInteger failures = failuresLeft.get(path);
                if (doc == null) {
                    exchange.sendResponseHeaders(404, -1);
                } else if (failures != null && failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(503, -1);
                } else if (isFresh(exchange, doc)) {
                    notModified.add(path);
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("Content-Type", doc.type() + "; charset=utf-8");
                    if (doc.etag() != null) {
                        exchange.getResponseHeaders().set("ETag", doc.etag());
                    }
                    if (doc.lastModified() != null) {
                        exchange.getResponseHeaders().set("Last-Modified", doc.lastModified());
                    }
                    exchange.sendResponseHeaders(200, doc.body().length);
                    exchange.getResponseBody().write(doc.body());
                }
            }
        }

        private static boolean isFresh(HttpExchange exchange, Doc doc) {
            String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
            if (etag != null) {
                return etag.equals(doc.etag());
            }
            String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
            return since != null && doc.lastModified() != null && !java.time.ZonedDateTime.parse(since,
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).isBefore(java.time.ZonedDateTime.parse(
                    doc.lastModified(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME));
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
