package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

/** After a taxonomy change, {@code --relabel} makes the counts exactly what the new taxonomy gives. */
class RelabelIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path SEEDS = Path.of("../seeds");
    private static final String SMALL_TAXONOMY = """
            version: "test-2"
            threshold: 0.5
            sectors:
              - id: space
                zh: 太空
                en: Space
                description: rockets only
                terms:
                  - weight: 1.0
                    words: [星舰, SpaceX, 运载火箭, 猎鹰9号]
              - id: ai
                zh: 人工智能
                en: AI
                description: chips and robots together
                terms:
                  - weight: 1.0
                    words: [芯片, 机器人, 训练, 推理]
            """;

    @TempDir
    Path dataDir;

    private KafkaTestCluster kafka;

    @BeforeEach
    void startKafka() throws Exception {
        kafka = KafkaTestCluster.start();
    }

    @AfterEach
    void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void shouldConvergeToTheNewTaxonomysExactCountsAfterARelabel() throws Exception {
        try (Pipeline first = start(null, false)) {
            awaitDayCounts(first, counts -> counts.size() == 6);
        }
        Path newTaxonomy = Files.writeString(dataDir.resolve("taxonomy.yaml"), SMALL_TAXONOMY);
        Map<String, Long> expected = freshRunParagraphs(Taxonomy.load(newTaxonomy));
        assertThat(expected).containsOnlyKeys("space", "ai");

        try (Pipeline relabeled = start(newTaxonomy, true)) {
            Map<String, Long> counts = awaitDayCounts(relabeled, expected::equals);
            assertThat(counts).isEqualTo(expected);
        }
    }

    /** What a fresh run gives: the seed's paragraphs per sector under {@code taxonomy}, computed offline. */
    private static Map<String, Long> freshRunParagraphs(Taxonomy taxonomy) throws Exception {
        var seed = new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES, Clock.systemUTC())
                .read(new FolderSource("seeds", SEEDS), SEEDS.resolve("000_e66a1ed0cdcaae93.txt"));
        return new ArticleClassifier(taxonomy).classify(seed).labels().sectors().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> (long) e.getValue().paragraphs(), (a, b) -> a,
                        TreeMap::new));
    }

    private Pipeline start(Path taxonomy, boolean relabel) throws Exception {
        RunOptions options = new RunOptions(kafka.connection(), dataDir, SEEDS, "localhost", 0, 9092,
                taxonomy, 3, relabel, null, null);
        return new Pipeline(options, List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH))
                .start();
    }

    private Map<String, Long> awaitDayCounts(Pipeline pipeline, java.util.function.Predicate<Map<String, Long>> done) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> TrendsApi.paragraphsBySector(pipeline, "week"), done);
    }
}
