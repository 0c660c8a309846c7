package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Granularity;
import trendwatch.model.Json;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.model.testing.KafkaTestCluster;
import trendwatch.publish.ClusterCountStores;
import trendwatch.publish.PublishTopology;
import trendwatch.publish.TopicPartitionCounts;

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

    /**
     * Two machines whose publish both run on {@code --host localhost} advertise the same address, so each takes the
     * other's buckets for its own: an instance must say so rather than answer with part of the counts. The twin
     * starts first, with no state, so that the two share the tasks at once (a newcomer to a group that has the
     * state would get active tasks only after a probing rebalance, minutes later).
     */
    @Test
    void shouldRefuseToAnswerWithPartOfTheCountsWhenAnotherInstanceAdvertisesItsAddress() throws Exception {
        int port = StageProcess.freePort();
        TopicSetup.ensure(kafka.connection(), Taxonomy.loadDefault().sectorIds(), 3);
        try (StreamsStage twin = Stages.publish(options(second, 0), kafka.connection(), new SimpleMeterRegistry(),
                "localhost:" + port)) {
            twin.start();
            assertThat(twin.awaitRunning(DEADLINE)).isTrue();
            try (Pipeline all = new Pipeline(options(first, port), List.of(Pipeline.Part.INGEST,
                    Pipeline.Part.CLASSIFY, Pipeline.Part.PUBLISH)).start()) {
                ClusterCountStores twinCounts = new ClusterCountStores(twin::streams,
                        () -> new HostInfo("localhost", port), new TopicPartitionCounts(kafka.connection()));
                List<String> refusals = Awaitility.await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                        .until(() -> refusals(all, twinCounts), both -> both.stream().allMatch(Objects::nonNull));
                assertThat(refusals).as("the hidden instance and the listed one, whichever is which")
                        .anySatisfy(refusal -> assertThat(refusal).contains("advertises this one's address localhost:"
                                + port))
                        .anySatisfy(refusal -> assertThat(refusal).contains("partitions of "
                                + PublishTopology.bucketsTopic(Granularity.WEEK)))
                        .allSatisfy(refusal -> assertThat(refusal).contains("start each publish with a --host"));
            }
        }
    }

    /**
     * Kafka Streams lists only one of two instances with the same address: the hidden one finds its partitions
     * listed for another, the listed one finds partitions nobody is listed for; each refuses to answer.
     */
    private static List<String> refusals(Pipeline all, ClusterCountStores twin) throws Exception {
        HttpResponse<String> answer = TrendsApi.get(all, "/api/trends?granularity=week");
        String fromPipeline = answer.statusCode() == 503 && answer.body().contains("advertises") ? answer.body() : null;
        String fromTwin;
        try {
            twin.buckets(Granularity.WEEK, null, null);
            fromTwin = null;
        } catch (ClusterCountStores.SharedAddressException e) {
            fromTwin = e.getMessage();
        } catch (InvalidStateStoreException e) {
            fromTwin = null; // rebalancing
        }
        return Arrays.asList(fromPipeline, fromTwin);
    }

    private Pipeline start(Path dataDir, List<Pipeline.Part> parts) throws Exception {
        return new Pipeline(options(dataDir, 0), parts).start();
    }

    private RunOptions options(Path dataDir, int httpPort) {
        return new RunOptions(kafka.connection(), dataDir, Path.of("../seeds"), "localhost", httpPort, 9092, null, 3,
                false, null, null);
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
