package trendwatch.model.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.test.JaasUtils;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.awaitility.Awaitility;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;

/** A real single-node KRaft broker in the test's JVM, with helpers to produce and read whole topics. */
public final class KafkaTestCluster implements AutoCloseable {

    /** What a client needs to log in to {@link #startWithSaslPlain()}'s broker: the test kit's admin user. */
    public static final Map<String, String> SASL_PLAIN_CLIENT = Map.of(
            "security.protocol", "SASL_PLAINTEXT",
            "sasl.mechanism", "PLAIN",
            "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                    + JaasUtils.KAFKA_PLAIN_ADMIN + "\" password=\"" + JaasUtils.KAFKA_PLAIN_ADMIN_PASSWORD + "\";");

    private final KafkaClusterTestKit cluster;
    private final Map<String, String> clientSettings;

    private KafkaTestCluster(KafkaClusterTestKit cluster, Map<String, String> clientSettings) {
        this.cluster = cluster;
        this.clientSettings = clientSettings;
    }

    public static KafkaTestCluster start() throws Exception {
        return start(1);
    }

    /**
     * {@code brokers} brokers; one is also the controller when alone, else a separate controller runs beside
     * them. With 3 brokers topics get replication factor 3 and min ISR 2.
     */
    public static KafkaTestCluster start(int brokers) throws Exception {
        return start(brokers, SecurityProtocol.PLAINTEXT, Map.of());
    }

    /** One broker whose clients must log in with SASL/PLAIN ({@link #SASL_PLAIN_CLIENT}). */
    public static KafkaTestCluster startWithSaslPlain() throws Exception {
        return start(1, SecurityProtocol.SASL_PLAINTEXT, SASL_PLAIN_CLIENT);
    }

    private static KafkaTestCluster start(int brokers, SecurityProtocol protocol, Map<String, String> clientSettings)
            throws Exception {
        String replication = Integer.toString(Math.min(brokers, 3));
        String minIsr = Integer.toString(Math.max(1, Math.min(brokers, 3) - 1));
        KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(brokers == 1 && protocol == SecurityProtocol.PLAINTEXT).setNumBrokerNodes(brokers).setNumControllerNodes(1)
                .setBrokerSecurityProtocol(protocol)
                .setBootstrapMetadataVersion(MetadataVersion.LATEST_PRODUCTION).build())
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("default.replication.factor", replication)
                .setConfigProp("min.insync.replicas", minIsr)
                .setConfigProp("transaction.state.log.replication.factor", replication)
                .setConfigProp("transaction.state.log.min.isr", minIsr)
                .setConfigProp("offsets.topic.replication.factor", replication)
                .setConfigProp("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024))
                .build();
        try {
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        return new KafkaTestCluster(cluster, clientSettings);
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    public KafkaConnection connection() {
        return new KafkaConnection(bootstrapServers(), clientSettings);
    }

    public void createTopics(List<String> names, int partitions) throws Exception {
        try (Admin admin = Admin.create(connection().properties())) {
            admin.createTopics(names.stream().map(n -> new NewTopic(n, partitions, (short) 1)).toList()).all().get();
        }
    }

    /** Records up to the size the contract topics take. */
    public void produce(String topic, byte[] key, byte[] value) throws Exception {
        Properties p = connection().properties();
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_RECORD_BYTES);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Every committed record of {@code topic} from the beginning to its current end. */
    public List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        Properties p = connection().properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))
                    && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Polls {@code topic} until the records read so far satisfy {@code done}, or the timeout passes. */
    public List<ConsumerRecord<byte[], byte[]>> readUntil(String topic,
                                                          Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
                                                          Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> readAll(topic), done);
    }

    @Override
    public void close() throws Exception {
        cluster.close();
    }
}
