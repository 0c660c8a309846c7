package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Json;
import trendwatch.model.testing.KafkaTestCluster;

/** Two publish instances share the bucket stores' partitions; either answers every query with all of them. */
class TwoPublishInstancesIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @TempDir
    Path first;

    @TempDir
    Path second;

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
    void shouldAnswerTheSameCountsFromEitherInstance() throws Exception {
        try (Pipeline all = start(first, List.of(Pipeline.Part.INGEST, Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH));
             Pipeline publishOnly = start(second, List.of(Pipeline.Part.PUBLISH))) {
            Map<String, Long> fromFirst = await(all, counts -> counts.size() == 6);

            Map<String, Long> fromSecond = await(publishOnly, fromFirst::equals);
            assertThat(fromSecond).isEqualTo(fromFirst);
            assertThat(summary(publishOnly)).isEqualTo(summary(all));
            int firstLocal = Json.MAPPER.readTree(TrendsApi.get(all, "/internal/buckets?granularity=week").body()).size();
            int secondLocal = Json.MAPPER.readTree(TrendsApi.get(publishOnly, "/internal/buckets?granularity=week").body()).size();
            assertThat(firstLocal + secondLocal).as("the week bucket is held by exactly one instance").isEqualTo(1);
        }
    }

    private Pipeline start(Path dataDir, List<Pipeline.Part> parts) throws Exception {
        return new Pipeline(new RunOptions(kafka.connection(), dataDir, Path.of("../seeds"), "localhost", 0,
                9092, null, 3, false, null, null), parts).start();
    }

    private Map<String, Long> await(Pipeline pipeline, java.util.function.Predicate<Map<String, Long>> done) {
        return Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> TrendsApi.paragraphsBySector(pipeline, "week"), done);
    }

    private Map<String, String> summary(Pipeline pipeline) throws Exception {
        Map<String, String> cards = new TreeMap<>();
        for (JsonNode card : Json.MAPPER.readTree(TrendsApi.get(pipeline, "/api/summary?granularity=day").body())) {
            cards.put(card.get("sector").asText(), card.get("paragraphs").asText() + "/" + card.get("status").asText());
        }
        return cards;
    }
}
