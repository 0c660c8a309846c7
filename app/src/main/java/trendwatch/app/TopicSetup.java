package trendwatch.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topic;
import trendwatch.model.Topics;

/** Creates the contract's topics that are missing; existing topics are left exactly as they are. */
public final class TopicSetup {

    private TopicSetup() {
    }

    /** Returns the names of the topics it created. */
    public static List<String> ensure(KafkaConnection kafka, List<String> sectorIds, int partitions)
            throws InterruptedException {
        try (Admin admin = Admin.create(kafka.properties())) {
            Set<String> existing = admin.listTopics().names().get(60, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.all(sectorIds).stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> newTopic(topic, partitions))
                    .toList();
            create(admin, missing);
            awaitLeaders(admin, missing);
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics on " + kafka.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    private static void create(Admin admin, List<NewTopic> topics) throws InterruptedException {
        try {
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // another instance created the same topic a moment ago: that is what we wanted
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topics timed out", e);
        }
    }

    /**
     * createTopics returns once the controller has committed the new topics, before the broker has made itself
     * their leader: the broker's metadata already names it leader of every partition, but for a few hundred
     * milliseconds (dozens of partitions are created one by one) a produce request to a partition not created yet
     * is answered NOT_LEADER_OR_FOLLOWER. An idempotent producer with several requests in flight then has its first
     * batch rejected and its next ones appended, and the retried first batch is refused for ever with
     * OUT_OF_ORDER_SEQUENCE_NUMBER until it expires. ListOffsets is served only by a partition's leader: wait until
     * every new partition answers it.
     */
    private static void awaitLeaders(Admin admin, List<NewTopic> topics) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        for (NewTopic topic : topics) {
            for (int p = 0; p < topic.numPartitions(); p++) {
                partitions.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
            }
        }
        if (partitions.isEmpty()) {
            return;
        }
        // the broker may not even know the topics yet (UNKNOWN_TOPIC_OR_PARTITION), which the admin client does
        // not retry: ask again until every partition answers
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                admin.listOffsets(partitions).all().get(60, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("created topics have no leader: " + e.getCause().getMessage(), e);
                }
                Thread.sleep(50);
            } catch (TimeoutException e) {
                throw new IllegalStateException("created topics got no leader within 60 s", e);
            }
        }
    }

    private static NewTopic newTopic(Topic<?, ?> topic, int partitions) {
        Map<String, String> configs = new HashMap<>(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(topic.maxRecordBytes())));
        if (topic.cleanup() == Topic.Cleanup.COMPACT) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            // compaction only cleans closed segments: with the default 1 GiB ones, every old version would stay
            configs.put(TopicConfig.SEGMENT_BYTES_CONFIG, Integer.toString(StreamsSettings.COMPACTED_SEGMENT_BYTES));
        }
        return new NewTopic(topic.name(), Optional.of(partitions), Optional.empty()).configs(configs);
    }
}
