package trendwatch.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.IngestConfig;
import trendwatch.ingest.IngestService;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.model.Article;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/** Feeds and pages polled from a real loopback site into a real broker: what reaches trend.articles.raw. */
class SourcesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private KafkaTestCluster kafka;
    private LoopbackSite site;

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name(),
                Topics.INGEST_SOURCES.name()), 1);
        site = new LoopbackSite();
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
        kafka.close();
    }

    @Test
    void shouldPublishEveryFormatOnceFollowUpdatesAndRespectTheServer() throws Exception {
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: rss, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: summaries, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: json, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: updating, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: limited, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: moved, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: listing, type: page, url: %s, links: "ul.news a", minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/rss.xml"), site.url("/summary.xml"), site.url("/feed.json"),
                site.url("/updating.xml"), site.url("/limited.xml"), site.url("/moved.xml"), site.url("/list.html")));

        try (IngestService ingest = service(sources)) {
            ingest.start();
            Map<String, Article> byTitle = awaitArticles(7);
            assertThat(byTitle).containsKeys("Unitree unveils a cheaper humanoid robot", "宁德时代发布新一代固态电池",
                    "Innovative drug approved", "Waymo adds a city", "NVIDIA ships Blackwell inference GPUs",
                    "创新药出海提速");
            assertThat(byTitle.get("Solid-state batteries near production").body())
                    .as("a summary-only feed is completed from the article page").contains("QuantumScape")
                    .doesNotContain("Copyright", "Home");
            assertThat(byTitle.get("创新药出海提速").body()).as("GBK page decoded").contains("临床试验");
            assertThat(byTitle.get("创新药出海提速").url()).doesNotContain("utm_source");
            assertThat(byTitle.get("Innovative drug approved").publishedAt())
                    .isEqualTo(Instant.parse("2025-02-03T01:00:00Z"));

            Awaitility.await().atMost(DEADLINE).until(() -> site.notModified.of("/rss.xml") >= 2);
            assertThat(site.requests.of("/limited.xml")).as("Retry-After: 3600 is honoured").isEqualTo(1);
            assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).as("no duplicates after re-polls").hasSize(7);
            SourceView limited = ingest.sources().stream().filter(s -> s.id().equals("limited")).findFirst()
                    .orElseThrow();
            assertThat(limited.failures()).isEqualTo(1);
            assertThat(limited.lastOutcome()).isEqualTo("http_status");
            assertThat(limited.nextPollAt()).isAfter(Instant.now().plus(Duration.ofMinutes(50)));

            site.updated.set(true);
            assertThat(awaitArticles(8)).containsKey("Starship flies again");

            Files.writeString(sources, Files.readString(sources) + "  - {id: late, type: feed, url: "
                    + site.url("/late.xml") + ", minInterval: 1s}\n");
            assertThat(awaitArticles(9)).as("a source added to the file while running")
                    .containsKey("A source added while running");
        }
    }

    /** A feed's new items go together in a few transactions (one each before), each item once. */
    @Test
    void shouldPublishAFeedsNewItemsOnceEachInFewTransactions() throws Exception {
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: busy, type: feed, url: %s, fullText: never, minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/busy.xml")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        try (IngestService ingest = service(sources, meters)) {
            ingest.start();
            Map<String, Article> byTitle = awaitArticles(LoopbackSite.BUSY_ITEMS);
            Awaitility.await().atMost(DEADLINE).until(() -> site.requests.of("/busy.xml") >= 2);

            assertThat(byTitle).hasSize(LoopbackSite.BUSY_ITEMS).containsKeys("Launch 0", "Launch 39");
            assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).as("no duplicates after a re-poll")
                    .hasSize(LoopbackSite.BUSY_ITEMS);
            assertThat(meters.get("trendwatch.ingest.transactions").functionCounter().count())
                    .isLessThan(LoopbackSite.BUSY_ITEMS / 4.0);
            assertThat(ingest.sources().get(0).articlesPublished()).isEqualTo(LoopbackSite.BUSY_ITEMS);
        }
    }

    /**
     * Two items of one canonical URL in a feed without validators: published once, as the first, and not again by
     * later polls (before, each poll replaced one with the other, for ever).
     */
    @Test
    void shouldPublishTwoItemsOfOneCanonicalUrlOnceAndNothingOnLaterPolls() throws Exception {
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: dup, type: feed, url: %s, fullText: never, minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/dup.xml")));

        try (IngestService ingest = service(sources)) {
            ingest.start();
            assertThat(awaitArticles(1)).containsOnlyKeys("Dup first");
            // polls run one after another: the fourth request means the third poll has published all it would
            Awaitility.await().atMost(DEADLINE).until(() -> site.requests.of("/dup.xml") >= 4);

            assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).as("nothing republished by later polls").hasSize(1);
            assertThat(ingest.sources().get(0).articlesPublished()).isEqualTo(1);
        }
    }

    /**
     * A withdrawn article is not published again when its feed item changes, and its page is not fetched for it
     * on every poll from then on: it would be fetched only to be dropped.
     */
    @Test
    void shouldNeitherPublishNorFetchAgainAWithdrawnArticleWhoseFeedItemChanged() throws Exception {
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: teaser, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/teaser.xml")));

        try (IngestService ingest = service(sources)) {
            ingest.start();
            Article article = awaitArticles(1).get("Solid-state batteries near production");
            assertThat(ingest.sink().withdrawAsUser(article.id(), Instant.now()).join())
                    .isEqualTo(ArticleSink.Withdrawal.WITHDRAWN);
            int pageFetches = site.requests.of("/articles/solid-state.html");

            site.updated.set(true);
            int polls = site.requests.of("/teaser.xml");
            // polls run one after another: the third request means two whole polls saw the changed item
            Awaitility.await().atMost(DEADLINE).until(() -> site.requests.of("/teaser.xml") >= polls + 3);

            assertThat(site.requests.of("/articles/solid-state.html")).isEqualTo(pageFetches);
            assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).extracting(r -> r.value() == null)
                    .containsExactly(false, true);
        }
    }

    /**
     * Sources that have published nothing (both answer 404, and a failed poll counts no articles) still show their
     * types' article counts, at 0, so dashboards read 0 rather than "no data".
     */
    @Test
    void shouldShowEachConfiguredSourceTypesArticleCountAtZeroFromTheStart() throws Exception {
        Path sources = Files.writeString(dir.resolve("sources.yaml"), """
                sources:
                  - {id: gone, type: feed, url: %s, minInterval: 1s, maxInterval: 2s}
                  - {id: missing, type: page, url: %s, links: "ul.news a", minInterval: 1s, maxInterval: 2s}
                """.formatted(site.url("/gone.xml"), site.url("/missing.html")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        try (IngestService ingest = service(sources, meters)) {
            ingest.start();

            assertThat(meters.get("trendwatch.ingest.articles").tag("source_type", "feed").counter().count())
                    .isZero();
            assertThat(meters.get("trendwatch.ingest.articles").tag("source_type", "page").counter().count())
                    .isZero();
        }
    }

    private IngestService service(Path sources) {
        return service(sources, new SimpleMeterRegistry());
    }

    private IngestService service(Path sources, SimpleMeterRegistry meters) {
        FetchPolicy policy = FetchPolicy.defaults().withHostDelay(Duration.ofMillis(20));
        return new IngestService(new IngestConfig(kafka.connection(), List.of(), sources,
                FileArticleReader.DEFAULT_MAX_BYTES, Duration.ofMillis(200), "sources-it", dir.resolve("seen"),
                policy, meters, Clock.systemUTC()));
    }

    private Map<String, Article> awaitArticles(int count) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.readAll(Topics.ARTICLES_RAW.name()).stream()
                        .map(r -> Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", r.value()))
                        .collect(Collectors.toMap(Article::title, Function.identity(), (a, b) -> b)),
                        articles -> articles.size() >= count);
    }
}
