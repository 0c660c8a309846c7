package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.MemberDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import trendwatch.classify.ArticleClassifier;
import trendwatch.classify.ClassifiedArticle;
import trendwatch.classify.ClassifyTopology;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.FolderSource;
import trendwatch.model.Topics;
import trendwatch.publish.PublishTopology;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Faults while articles flow: stages killed with {@code kill -9} and restarted, the broker down for a minute,
 * a classify instance frozen past its session timeout, then publish (the only instance) and ingest frozen. The stages are real child JVMs started through the
 * command line against a real single-node broker; one ingest, two classify and one publish instance. After
 * each fault the pipeline must come out exact: the counts publish serves equal the counts computed offline
 * from the article files, every paragraph is on {@code trend.paragraphs.labeled} exactly once for a
 * {@code read_committed} reader, and every stage is up without having been restarted (except the ones the test
 * killed). The scenarios run in order on the same pipeline, each with a new batch of articles; the checks cover
 * all articles so far. Logs: {@code target/fault-tests/logs/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    private static final Path WORK = Path.of("target", "fault-tests");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(90);
    /**
     * A minute and then some: longer than a producer's {@code max.block.ms} (60 s), so when ingest's first commit
     * after the stop reaches the coordinator's absence it times out during the outage and must be retried. When
     * the producer blocks on metadata first, that commit comes too late to time out; ArticlePublisherTest covers
     * the timeout every time.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(70);
    private static final Duration FREEZE = Duration.ofSeconds(20);

    private final Map<String, StageProcess> stages = new LinkedHashMap<>();
    private Path seeds;
    private Path inbox;
    private Path brokerDir;
    private int kafkaPort;
    private int controllerPort;
    private EmbeddedKafka broker;
    private ClusterView cluster;
    private ArticleFeed feed;

    @BeforeAll
    void startPipeline() throws Exception {
        deleteRecursively(WORK);
        seeds = Files.createDirectories(WORK.resolve("seeds"));
        Files.copy(Path.of("../seeds/000_e66a1ed0cdcaae93.txt"), seeds.resolve("seed.txt"));
        brokerDir = WORK.resolve("broker");
        kafkaPort = StageProcess.freePort();
        controllerPort = StageProcess.freePort();
        broker = EmbeddedKafka.start(brokerDir, kafkaPort, controllerPort);
        cluster = new ClusterView(broker.bootstrapServers());
        for (String[] stage : new String[][] {{"ingest", "ingest"}, {"classify-a", "classify"},
            {"classify-b", "classify"}, {"publish", "publish"}}) {
            stages.put(stage[0], StageProcess.start(stage[0], stage[1], broker.bootstrapServers(), WORK, seeds,
                    WORK.resolve("logs")));
        }
        stages.values().forEach(stage -> stage.awaitHealthy(START_TIMEOUT));
        inbox = Files.createDirectories(WORK.resolve("ingest").resolve("inbox"));
        feed = new ArticleFeed(inbox);
        assertExactlyOnce("start");
    }

    @AfterAll
    void stopPipeline() throws Exception {
        for (StageProcess stage : stages.values()) {
            stage.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    @Order(1)
    void shouldCountEveryArticleOnceWhenClassifyAndPublishAreKilledMidStream() throws Exception {
        Map<String, Long> pids = pids();
        CompletableFuture<Void> batch = feed.drop(120, Duration.ofMillis(300));
        List<List<StageProcess>> rounds = List.of(List.of(stage("classify-a"), stage("publish")),
                List.of(stage("classify-b"), stage("publish")),
                List.of(stage("classify-a"), stage("classify-b"), stage("publish")));
        int last = feed.dropped();
        for (List<StageProcess> victims : rounds) {
            int from = last;
            // slow restarts may use up the batch: then the kill hits the backlog still being classified
            Awaitility.await("more articles dropped").atMost(Duration.ofSeconds(30))
                    .until(() -> feed.dropped() >= from + 8 || batch.isDone());
            last = feed.dropped();
            report("kill -9 %s after %d articles (feed %s)", names(victims), last,
                    batch.isDone() ? "finished, pipeline catching up" : "still dropping");
            for (StageProcess victim : victims) {
                victim.kill();
            }
            Instant restarted = Instant.now();
            for (StageProcess victim : victims) {
                victim.restart();
            }
            victims.forEach(victim -> victim.awaitHealthy(START_TIMEOUT));
            report("  restarted and healthy after %d ms", Duration.between(restarted, Instant.now()).toMillis());
        }
        batch.join();

        assertExactlyOnce("kill -9");
        assertStillUp(Map.of("ingest", pids.get("ingest")));
        assertThat(Map.of("classify-a", stage("classify-a").starts(), "classify-b", stage("classify-b").starts(),
                "publish", stage("publish").starts())).as("starts: the first and the test's restarts only")
                .isEqualTo(Map.of("classify-a", 3, "classify-b", 3, "publish", 4));
    }

    @Test
    @Order(2)
    void shouldRecoverWithoutRestartsAfterTheBrokerWasDownForAMinute() throws Exception {
        Map<String, Long> pids = pids();
        int before = feed.dropped();
        CompletableFuture<Void> batch = feed.drop(60, Duration.ofMillis(500));
        Awaitility.await("articles dropped before the outage").atMost(Duration.ofSeconds(30))
                .until(() -> feed.dropped() >= before + 10);
        int atStop = feed.dropped();
        broker.close();
        report("broker stopped after %d articles", atStop);
        Thread.sleep(OUTAGE.toMillis()); // the outage itself: the scenario is the broker being away this long
        int duringOutage = feed.dropped() - atStop;
        broker = EmbeddedKafka.start(brokerDir, kafkaPort, controllerPort);
        Instant back = Instant.now();
        report("broker started again on port %d; %d articles arrived during the outage", kafkaPort, duringOutage);
        assertThat(duringOutage).as("articles dropped into the inbox while the broker was down").isPositive();
        batch.join();

        assertExactlyOnce("broker outage");
        report("  exact again %d ms after the broker came back", Duration.between(back, Instant.now()).toMillis());
        assertStillUp(pids);
    }

    @Test
    @Order(3)
    void shouldFenceAClassifyInstanceFrozenPastItsSessionTimeout() throws Exception {
        Map<String, Long> pids = pids();
        StageProcess frozen = stage("classify-a");
        int before = feed.dropped();
        CompletableFuture<Void> batch = feed.drop(60, Duration.ofMillis(400));
        Awaitility.await("articles dropped before the freeze").atMost(Duration.ofSeconds(30))
                .until(() -> feed.dropped() >= before + 8);
        int logBefore = frozen.log().length();
        frozen.freeze();
        Instant frozenAt = Instant.now();
        // the other instance takes over all partitions once the frozen one's session times out (10 s)
        List<MemberDescription> takeover = Awaitility.await("classify-b owns every partition")
                .atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.members(ClassifyTopology.APPLICATION_ID), members -> members.size() == 1
                        && partitions(members.get(0)) == 3);
        report("classify-a frozen; classify-b took over %s after %d ms", takeover.get(0).assignment()
                .topicPartitions(), Duration.between(frozenAt, Instant.now()).toMillis());
        // the freeze itself: the stage stays stopped for FREEZE in all
        Thread.sleep(Math.max(0, FREEZE.minus(Duration.between(frozenAt, Instant.now())).toMillis()));
        frozen.thaw();
        Instant thawed = Instant.now();
        Awaitility.await("classify-a rejoined").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.members(ClassifyTopology.APPLICATION_ID), members -> members.size() == 2
                        && members.stream().allMatch(m -> partitions(m) > 0));
        report("  classify-a rejoined the group %d ms after SIGCONT", Duration.between(thawed, Instant.now()).toMillis());
        batch.join();

        assertExactlyOnce("freeze");
        String afterFreeze = frozen.log().substring(logBefore);
        report("  classify-a after the thaw logged: %s", afterFreeze.lines()
                .filter(line -> line.contains("WARN") || line.contains("ERROR")).limit(8).toList());
        assertStillUp(pids);
    }

    /**
     * Publish is the only instance of its group, so nobody takes over: it is thrown out of the group and, if a
     * transaction was open, fenced when that times out, and must find its way back by itself. Ingest, frozen with
     * it, has no session to lose; the files dropped meanwhile must be published after the thaw.
     */
    @Test
    @Order(4)
    void shouldRecoverPublishAndIngestFrozenPastPublishSessionTimeout() throws Exception {
        Map<String, Long> pids = pids();
        List<StageProcess> frozen = List.of(stage("publish"), stage("ingest"));
        int before = feed.dropped();
        CompletableFuture<Void> batch = feed.drop(60, Duration.ofMillis(400));
        Awaitility.await("articles dropped before the freeze").atMost(Duration.ofSeconds(30))
                .until(() -> feed.dropped() >= before + 8);
        for (StageProcess stage : frozen) {
            stage.freeze();
        }
        Instant frozenAt = Instant.now();
        int atFreeze = feed.dropped();
        Awaitility.await("publish thrown out of its group").atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.members(PublishTopology.APPLICATION_ID).isEmpty());
        report("publish and ingest frozen; publish out of its group after %d ms",
                Duration.between(frozenAt, Instant.now()).toMillis());
        // the freeze itself: the stages stay stopped for FREEZE in all
        Thread.sleep(Math.max(0, FREEZE.minus(Duration.between(frozenAt, Instant.now())).toMillis()));
        int droppedWhileFrozen = feed.dropped() - atFreeze;
        for (StageProcess stage : frozen) {
            stage.thaw();
        }
        Instant thawed = Instant.now();
        Awaitility.await("publish rejoined").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.members(PublishTopology.APPLICATION_ID), members -> members.size() == 1
                        && partitions(members.get(0)) > 0);
        report("  publish rejoined its group %d ms after SIGCONT; %d articles were dropped during the freeze",
                Duration.between(thawed, Instant.now()).toMillis(), droppedWhileFrozen);
        assertThat(droppedWhileFrozen).as("articles dropped into the inbox while ingest was frozen").isPositive();
        batch.join();

        assertExactlyOnce("publish and ingest frozen");
        assertStillUp(pids);
    }

    /** (a) counts equal the offline counts; (b) every paragraph committed exactly once, and no other. */
    private void assertExactlyOnce(String after) throws Exception {
        Offline expected = offline();
        Instant start = Instant.now();
        StageProcess publish = stage("publish");
        Awaitility.await("counts after " + after).atMost(CONVERGE_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(TrendsApi.paragraphsBySector(publish.port(), "week"))
                        .as("paragraphs per sector served by publish after %s", after).isEqualTo(expected.counts()));
        List<String> labeled = Awaitility.await("labeled paragraphs after " + after).atMost(CONVERGE_TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> cluster.paragraphIds(Topics.PARAGRAPHS_LABELED.name()),
                        ids -> new HashSet<>(ids).containsAll(expected.paragraphs()));
        assertThat(duplicates(labeled)).as("paragraphs labeled more than once after %s", after).isEmpty();
        assertThat(new TreeSet<>(labeled)).as("labeled paragraphs after %s", after)
                .isEqualTo(new TreeSet<>(expected.paragraphs()));
        report("  %s: %d articles, %d paragraphs, counts %s exact after %d ms", after, expected.articles(),
                labeled.size(), expected.counts(), Duration.between(start, Instant.now()).toMillis());
    }

    /** (c) every stage still runs and is healthy, and those in {@code pids} are the same processes as before. */
    private void assertStillUp(Map<String, Long> pids) {
        for (StageProcess stage : stages.values()) {
            assertThat(stage.isAlive()).as("%s is alive (log %s)", stage.name(), stage.logFile()).isTrue();
            assertThat(stage.healthy()).as("%s reports healthy on /health", stage.name()).isTrue();
        }
        pids.forEach((name, pid) -> assertThat(stage(name).pid()).as("%s was not restarted", name).isEqualTo(pid));
    }

    /** What the pipeline must end up with, computed from the files by the same classifier, without Kafka. */
    private record Offline(int articles, Map<String, Long> counts, Set<String> paragraphs) {
    }

    private Offline offline() throws Exception {
        ArticleClassifier classifier = new ArticleClassifier(Taxonomy.loadDefault());
        FileArticleReader reader = new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES, Clock.systemUTC());
        Map<String, Long> counts = new TreeMap<>();
        Set<String> paragraphs = new HashSet<>();
        int articles = 0;
        for (FolderSource folder : List.of(new FolderSource("seeds", seeds), new FolderSource("inbox", inbox))) {
            for (Path file : articleFiles(folder.dir())) {
                ClassifiedArticle article = classifier.classify(reader.read(folder, file));
                article.labels().sectors().forEach((sector, c) -> counts.merge(sector, (long) c.paragraphs(), Long::sum));
                article.paragraphs().forEach(p -> paragraphs.add(p.articleId() + "#" + p.index()));
                articles++;
            }
        }
        return new Offline(articles, counts, paragraphs);
    }

    private static List<Path> articleFiles(Path dir) throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Map<String, Long> duplicates(List<String> ids) {
        Map<String, Long> times = ids.stream().collect(Collectors.groupingBy(Function.identity(), TreeMap::new,
                Collectors.counting()));
        times.values().removeIf(n -> n == 1);
        return times;
    }

    private static int partitions(MemberDescription member) {
        return member.assignment().topicPartitions().size();
    }

    private StageProcess stage(String name) {
        return stages.get(name);
    }

    private Map<String, Long> pids() {
        return stages.values().stream().collect(Collectors.toMap(StageProcess::name, StageProcess::pid));
    }

    private static List<String> names(List<StageProcess> processes) {
        return processes.stream().map(StageProcess::name).toList();
    }

    /** What each scenario observed, in the test's output (target/failsafe-reports/*-output.txt). */
    private static void report(String format, Object... args) {
        System.out.printf("%s fault-tests: %s%n", LocalTime.now(), String.format(format, args));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.delete(path);
            }
        }
    }
}
