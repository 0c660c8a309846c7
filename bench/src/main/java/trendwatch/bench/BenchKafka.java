package trendwatch.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import trendwatch.app.EmbeddedKafka;
import trendwatch.app.TopicSetup;
import trendwatch.classify.ClassifyTopology;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;
import trendwatch.publish.PublishTopology;

/**
 * A throw-away single-node broker for one benchmark run: free ports, a temp directory deleted on close, the
 * contract's topics created exactly as the app creates them. The only places that pass the bootstrap string to
 * product code ({@link TopicSetup#ensure}, {@link StreamsSettings#exactlyOnce}) are here.
 */
final class BenchKafka implements AutoCloseable {

    private final Path dir;
    private final EmbeddedKafka kafka;
    private final Admin admin;
    private final int partitions;

    /** A folder of its own for a stage's files, deleted with the rest on close. */
    Path folder(String name) {
        return dir.resolve(name);
    }

    private BenchKafka(Path dir, EmbeddedKafka kafka, int partitions) {
        this.dir = dir;
        this.kafka = kafka;
        this.partitions = partitions;
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        this.admin = Admin.create(p);
    }

    /** Broker settings for experiments: {@code -Dtrendwatch.bench.broker.KEY=VALUE} sets KEY on every broker. */
    private static final String BROKER_PROPERTY_PREFIX = "trendwatch.bench.broker.";

    static BenchKafka start(int partitions, List<String> sectorIds) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("trendwatch-bench");
        EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), freePort(), freePort(), brokerOverrides());
        TopicSetup.ensure(KafkaConnection.of(kafka.bootstrapServers()), sectorIds, partitions);
        return new BenchKafka(dir, kafka, partitions);
    }

    private static Map<String, String> brokerOverrides() {
        Map<String, String> overrides = new TreeMap<>();
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(BROKER_PROPERTY_PREFIX))
                .forEach(k -> overrides.put(k.substring(BROKER_PROPERTY_PREFIX.length()), System.getProperty(k)));
        if (!overrides.isEmpty()) {
            System.out.println("embedded broker overrides: " + overrides);
        }
        return overrides;
    }

    KafkaConnection connection() {
        return KafkaConnection.of(kafka.bootstrapServers());
    }

    String bootstrap() {
        return kafka.bootstrapServers();
    }

    /** The app's Streams settings for {@code applicationId}, with the benchmark's overrides on top. */
    Properties streamsSettings(String applicationId, Map<String, String> overrides) {
        Properties p = StreamsSettings.exactlyOnce(applicationId, KafkaConnection.of(kafka.bootstrapServers()),
                dir.resolve("streams"));
        if (applicationId.equals(PublishTopology.APPLICATION_ID)) {
            p = PublishTopology.settings(p);
        } else if (applicationId.equals(ClassifyTopology.APPLICATION_ID)) {
            p = ClassifyTopology.settings(p);
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            // "classify:key" or "publish:key" sets key for that stage only
            String[] stageAndKey = override.getKey().split(":", 2);
            if (stageAndKey.length == 1) {
                p.put(override.getKey(), override.getValue());
            } else if (applicationId.equals("trendwatch-" + stageAndKey[0])) {
                p.put(stageAndKey[1], override.getValue());
            }
        }
        return p;
    }

    /** An extra (non-contract) topic shaped like the contract's: same partitions, same record size limit. */
    void createTopic(String name) throws InterruptedException, ExecutionException, TimeoutException {
        admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(StreamsSettings.MAX_RECORD_BYTES)))))
                .all().get(60, TimeUnit.SECONDS);
    }

    /** A producer like ingest's (acks=all, idempotent, records up to the contract's limit), batching for a bulk load. */
    KafkaProducer<String, byte[]> producer(int batchBytes, int lingerMs) {
        return producer(batchBytes, lingerMs, Duration.ofMinutes(2));
    }

    KafkaProducer<String, byte[]> producer(int batchBytes, int lingerMs, Duration deliveryTimeout) {
        return producer(kafka.bootstrapServers(), batchBytes, lingerMs, deliveryTimeout);
    }

    /** As {@link #producer(int, int, Duration)}, for the broker at {@code bootstrap} (a launcher's, say). */
    static KafkaProducer<String, byte[]> producer(String bootstrap, int batchBytes, int lingerMs,
                                                  Duration deliveryTimeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StreamsSettings.MAX_RECORD_BYTES);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, batchBytes);
        p.put(ProducerConfig.LINGER_MS_CONFIG, lingerMs);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryTimeout.toMillis() - lingerMs - 1));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    /** A read_committed consumer assigned to every partition of {@code topic}, from the beginning. */
    KafkaConsumer<String, byte[]> readCommitted(String topic) {
        return readCommitted(kafka.bootstrapServers(), topic, false);
    }

    /**
     * A read_committed consumer of every partition of {@code topic} at the broker at {@code bootstrap}, from the
     * beginning or, with {@code fromEnd}, from the records written after this call returns.
     */
    static KafkaConsumer<String, byte[]> readCommitted(String bootstrap, String topic, boolean fromEnd) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, StreamsSettings.MAX_RECORD_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, StreamsSettings.MAX_RECORD_BYTES);
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> all = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(all);
        if (fromEnd) {
            consumer.seekToEnd(all);
            all.forEach(consumer::position); // resolved now: a lazy seek would skip what is written before the first poll
        } else {
            consumer.seekToBeginning(all);
        }
        return consumer;
    }

    /** The sum of the end offsets of {@code topic}'s partitions. */
    long endOffset(String topic) throws InterruptedException, ExecutionException {
        var request = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                .collect(java.util.stream.Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                        p -> OffsetSpec.latest()));
        return admin.listOffsets(request).all().get().values().stream().mapToLong(info -> info.offset()).sum();
    }

    /** The sum of the offsets group {@code groupId} has committed on {@code topic}. */
    long committed(String groupId, String topic) throws InterruptedException, ExecutionException {
        Map<TopicPartition, OffsetAndMetadata> offsets =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    @Override
    public void close() throws IOException {
        admin.close();
        kafka.close();
        deleteTree(dir);
    }

    /** Deletes {@code dir} and everything under it. */
    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
