package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.classify.ArticleClassifier;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.FolderSource;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.model.testing.KafkaTestCluster;

/**
 * Two classify and two publish instances on a 3-broker cluster (replication factor 3, min ISR 2) count
 * exactly what the articles hold: the counts computed offline from the same files.
 */
class ScaleOutIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @TempDir
    Path work;

    private KafkaTestCluster kafka;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = KafkaTestCluster.start(3);
    }

    @AfterEach
    void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void shouldCountExactlyOnceWithTwoInstancesOfEachStreamsStage() throws Exception {
        Path seeds = Files.createDirectories(work.resolve("seeds"));
        Files.copy(Path.of("../seeds/000_e66a1ed0cdcaae93.txt"), seeds.resolve("seed.txt"));
        for (int i = 0; i < 21; i++) {
            Files.writeString(seeds.resolve("article-" + i + ".md"), ArticleFeed.article(i));
        }
        Map<String, Long> expected = offlineCounts(seeds);

        try (Pipeline first = start(seeds, "first", Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY,
                Pipeline.Part.PUBLISH);
             Pipeline second = start(seeds, "second", Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH)) {
            assertThat(await(first, expected::equals)).isEqualTo(expected);
            assertThat(await(second, expected::equals)).isEqualTo(expected);
        }
    }

    private Map<String, Long> offlineCounts(Path seeds) throws Exception {
        ArticleClassifier classifier = new ArticleClassifier(Taxonomy.loadDefault());
        FileArticleReader reader = new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES, Clock.systemUTC());
        Map<String, Long> counts = new TreeMap<>();
        try (var files = Files.list(seeds)) {
            for (Path file : files.filter(f -> !f.toString().endsWith(".meta.yaml")).toList()) {
                classifier.classify(reader.read(new FolderSource("seeds", seeds), file)).labels().sectors()
                        .forEach((sector, c) -> counts.merge(sector, (long) c.paragraphs(), Long::sum));
            }
        }
        return counts;
    }

    private Pipeline start(Path seeds, String name, Pipeline.Part... parts) throws Exception {
        RunOptions options = new RunOptions(kafka.connection(), work.resolve(name), seeds, "localhost", 0,
                9092, null, 3, false, null, null);
        return new Pipeline(options, List.of(parts)).start();
    }

    private Map<String, Long> await(Pipeline pipeline, Predicate<Map<String, Long>> done) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> TrendsApi.paragraphsBySector(pipeline, "week"), done);
    }
}
