package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;

class EmbeddedKafkaIT {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepTopicsAcrossARestartOnTheSameDataDirectory() throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port, controllerPort)) {
            assertThat(TopicSetup.ensure(KafkaConnection.of(kafka.bootstrapServers()), List.of("space"), 1))
                    .contains(Topics.ARTICLES_RAW.name(), Topics.sector("space").name());
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, port, controllerPort);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).contains(Topics.ARTICLES_RAW.name(), Topics.COUNTS.name());
            assertThat(TopicSetup.ensure(KafkaConnection.of(kafka.bootstrapServers()), List.of("space"), 1)).isEmpty();
            assertThat(admin.describeTopics(List.of(Topics.COUNTS.name())).allTopicNames().get()
                    .get(Topics.COUNTS.name()).partitions()).hasSize(1);
            assertThat(segmentBytes(admin, Topics.COUNTS.name())).isEqualTo(StreamsSettings.COMPACTED_SEGMENT_BYTES);
            assertThat(segmentBytes(admin, Topics.PARAGRAPHS_LABELED.name())).isGreaterThan(
                    StreamsSettings.COMPACTED_SEGMENT_BYTES);
        }
    }

    @Test
    void shouldHaveALeaderForEveryNewPartitionWhenTopicSetupReturns() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, freePort(), freePort())) {
            List<String> created = TopicSetup.ensure(KafkaConnection.of(kafka.bootstrapServers()),
                    List.of("space", "robots", "chips", "batteries", "driving", "biomed"), 3);

            // no retries: a partition whose leader is not ready yet answers NOT_LEADER_OR_FOLLOWER, which once made
            // an idempotent producer's first batch unacknowledgeable (see TopicSetup.awaitLeaders)
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.RETRIES_CONFIG, 0,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (String topic : created) {
                    for (int partition = 0; partition < 3; partition++) {
                        sends.add(producer.send(new ProducerRecord<>(topic, partition, "k", "v")));
                    }
                }
                for (Future<RecordMetadata> send : sends) {
                    assertThat(send.get(30, TimeUnit.SECONDS).offset()).isZero();
                }
            }
        }
    }

    @Test
    void shouldNotCreateATopicAClientMerelyAsksFor() throws Exception {
        // as the brokers of docker-compose.yml (KAFKA_AUTO_CREATE_TOPICS_ENABLE false): a subscriber's typo such as
        // trend.sector.chip used to create that topic, with one partition, beside the pipeline's own
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, freePort(), freePort());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                     ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                     new StringDeserializer(), new StringDeserializer())) {
            assertThat(consumer.partitionsFor("trend.sector.chip", Duration.ofSeconds(10))).isEmpty();

            // the broker would create it a moment after answering
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(admin.listTopics().names().get()).doesNotContain("trend.sector.chip"));
        }
    }

    @Test
    void shouldSyncEveryTopicToDiskWithinASecondRatherThanLeaveItToTheKernel() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir, freePort(), freePort());
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicSetup.ensure(KafkaConnection.of(kafka.bootstrapServers()), List.of("space"), 1);

            for (String topic : List.of(Topics.ARTICLES_RAW.name(), Topics.PARAGRAPHS_LABELED.name(),
                    Topics.sector("space").name(), Topics.COUNTS.name())) {
                assertThat(topicConfig(admin, topic, TopicConfig.FLUSH_MS_CONFIG)).as(topic)
                        .isEqualTo(Integer.toString(EmbeddedKafka.FLUSH_INTERVAL_MS));
            }
        }
    }

    private static int segmentBytes(Admin admin, String topic) throws Exception {
        return Integer.parseInt(topicConfig(admin, topic, TopicConfig.SEGMENT_BYTES_CONFIG));
    }

    private static String topicConfig(Admin admin, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
