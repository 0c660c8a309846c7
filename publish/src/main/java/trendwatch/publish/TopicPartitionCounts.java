package trendwatch.publish;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.ToIntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import trendwatch.model.KafkaConnection;

/** How many partitions a topic has, asked of the cluster once per topic: Kafka Streams cannot run on if it changes. */
public final class TopicPartitionCounts implements ToIntFunction<String> {

    private final KafkaConnection kafka;
    private final Map<String, Integer> known = new ConcurrentHashMap<>();

    public TopicPartitionCounts(KafkaConnection kafka) {
        this.kafka = kafka;
    }

    @Override
    public int applyAsInt(String topic) {
        return known.computeIfAbsent(topic, this::describe);
    }

    private int describe(String topic) {
        try (Admin admin = Admin.create(kafka.properties())) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic)
                    .partitions().size();
        } catch (ExecutionException | TimeoutException e) {
            // answered as "not ready": the next query asks again
            throw new InvalidStateStoreException("cannot tell how many partitions " + topic + " has: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("interrupted while describing " + topic);
        }
    }
}
