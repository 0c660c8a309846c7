package trendwatch.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import trendwatch.model.SeenArticle;
import trendwatch.model.Topics;

/**
 * What ingest has published, rebuilt at start from the compacted {@code trend.ingest.seen} topic, so that a
 * restart (or another machine) does not republish unchanged articles.
 */
final class SeenArticles {

    private final Map<String, SeenArticle> seen = new HashMap<>();

    Optional<SeenArticle> find(String articleId) {
        return Optional.ofNullable(seen.get(articleId));
    }

    void remember(String articleId, SeenArticle article) {
        seen.put(articleId, article);
    }

    int size() {
        return seen.size();
    }

    /** Reads the whole committed topic; returns when every partition has been read to its end. */
    static SeenArticles load(String bootstrapServers, Duration timeout) {
        SeenArticles state = new SeenArticles();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, SeenArticle> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                Topics.INGEST_SEEN.valueSerde().deserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.INGEST_SEEN.name(), timeout)
                    .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < ends.get(tp))) {
                for (ConsumerRecord<String, SeenArticle> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) {
                        state.seen.remove(record.key());
                    } else {
                        state.seen.put(record.key(), record.value());
                    }
                }
            }
        }
        return state;
    }
}
