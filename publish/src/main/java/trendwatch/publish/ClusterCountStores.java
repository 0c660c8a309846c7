package trendwatch.publish;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import trendwatch.model.Granularity;
import trendwatch.model.Json;

/**
 * The buckets of every publish instance: the bucket stores are partitioned by bucket, so with several
 * instances each holds a part. This instance reads its own part and asks each other instance (found through
 * Kafka Streams' metadata, {@code application.server}) for its part at {@code /internal/buckets}; a bucket lives
 * on exactly one instance, so the union is the whole.
 */
public final class ClusterCountStores implements CountStores {

    static final String PATH = "/internal/buckets";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Supplier<KafkaStreams> streams;
    private final Supplier<HostInfo> self;
    private final ToIntFunction<String> partitionCount;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * Both suppliers are read at query time: the streams and this instance's address exist only once started.
     * {@code partitionCount} tells how many partitions a topic has ({@link TopicPartitionCounts}).
     */
    public ClusterCountStores(Supplier<KafkaStreams> streams, Supplier<HostInfo> self,
                              ToIntFunction<String> partitionCount) {
        this.streams = streams;
        this.self = self;
        this.partitionCount = partitionCount;
    }

    /** This instance's part only: what {@code /internal/buckets} answers. */
    public CountStores local() {
        return CountStores.local(g -> streams.get().store(StoreQueryParameters.fromNameAndType(
                PublishTopology.countsStore(g), QueryableStoreTypes.keyValueStore())));
    }

    @Override
    public Map<Instant, BucketCounts> buckets(Granularity granularity, Instant from, Instant to) {
        Map<Instant, BucketCounts> all = new TreeMap<>(local().buckets(granularity, from, to));
        Collection<StreamsMetadata> instances = streams.get().streamsMetadataForStore(
                PublishTopology.countsStore(granularity));
        // before asking the others: an instance hidden behind a shared address may not answer, hiding the reason
        instances.stream().filter(instance -> instance.hostInfo().equals(self.get())).forEach(this::requireNoTwin);
        requireEveryPartitionListed(granularity, instances);
        for (StreamsMetadata instance : instances) {
            if (!instance.hostInfo().equals(self.get())) {
                all.putAll(remote(instance.hostInfo(), granularity, from, to));
            }
        }
        return all;
    }

    /**
     * Kafka Streams keys its metadata by advertised address: of two instances advertising the same one (two
     * machines both on {@code --host localhost}), only one's partitions are listed, and the other's buckets would
     * silently be missing from every answer. The instance whose partitions are not listed can tell here; the listed
     * one finds partitions no listed instance holds ({@link #requireEveryPartitionListed}).
     */
    private void requireNoTwin(StreamsMetadata listedForSelf) {
        Set<TopicPartition> own = new HashSet<>();
        streams.get().metadataForLocalThreads().forEach(thread -> thread.activeTasks()
                .forEach(task -> own.addAll(task.topicPartitions())));
        if (!own.containsAll(listedForSelf.topicPartitions())) {
            throw new SharedAddressException("another publish instance advertises this one's address "
                    + self.get().host() + ":" + self.get().port() + ", so their counts cannot be told apart: start"
                    + " each publish with a --host the others can reach");
        }
    }

    /**
     * Every partition of the buckets' topic must be held by a listed instance, or the answer would lack its buckets.
     * Checked only while RUNNING: during a rebalance the listing may be incomplete for a moment, and Kafka Streams
     * answers from the assignment before it.
     */
    private void requireEveryPartitionListed(Granularity granularity, Collection<StreamsMetadata> instances) {
        if (streams.get().state() != KafkaStreams.State.RUNNING) {
            return;
        }
        String topic = PublishTopology.bucketsTopic(granularity);
        Set<Integer> listed = new HashSet<>();
        instances.forEach(instance -> instance.topicPartitions().stream().filter(tp -> tp.topic().equals(topic))
                .forEach(tp -> listed.add(tp.partition())));
        int partitions = partitionCount.applyAsInt(topic);
        if (listed.size() < partitions) {
            throw new SharedAddressException("publish instances are listed for " + listed.size() + " of the "
                    + partitions + " partitions of " + topic + ": another publish instance advertises the same"
                    + " address as a listed one, so its counts cannot be reached: start each publish with a --host"
                    + " the others can reach");
        }
    }

    /** Two publish instances advertise the same address: a configuration error that no retry mends. */
    public static final class SharedAddressException extends RuntimeException {

        SharedAddressException(String message) {
            super(message);
        }
    }

    private Map<Instant, BucketCounts> remote(HostInfo host, Granularity g, Instant from, Instant to) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + PATH + "?granularity=" + g.id()
                + (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new InvalidStateStoreException("publish instance " + host + " answered " + response.statusCode());
            }
            return Json.MAPPER.readValue(response.body(), new TypeReference<Map<Instant, BucketCounts>>() { });
        } catch (IOException e) {
            throw new InvalidStateStoreException("publish instance " + host + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("interrupted while asking " + host);
        }
    }
}
