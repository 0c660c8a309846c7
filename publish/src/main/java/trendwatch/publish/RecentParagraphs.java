package trendwatch.publish;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.Topics;

/**
 * The latest labeled paragraphs per sector, kept in memory for the evidence API. It reads the tail of
 * {@code trend.paragraphs.labeled} (committed records only) without a consumer group, so every publish
 * instance sees everything and nothing is committed on behalf of subscribers.
 */
public final class RecentParagraphs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecentParagraphs.class);
    private static final int KEEP_PER_SECTOR = 200;
    private static final String ALL = "";

    private final Map<String, Deque<LabeledParagraph>> bySector = new HashMap<>();
    private final KafkaConsumer<String, LabeledParagraph> consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public RecentParagraphs(String bootstrapServers) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                Topics.PARAGRAPHS_LABELED.valueSerde().deserializer());
        this.thread = new Thread(this::run, "recent-paragraphs");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The newest paragraphs first; {@code sector} null means any paragraph with a label. */
    public synchronized List<LabeledParagraph> latest(String sector, int limit) {
        Deque<LabeledParagraph> kept = bySector.getOrDefault(sector == null ? ALL : sector, new ArrayDeque<>());
        return kept.stream().limit(limit).toList();
    }

    synchronized void add(LabeledParagraph paragraph) {
        if (paragraph.labels().isEmpty()) {
            return;
        }
        keep(ALL, paragraph);
        paragraph.labels().forEach(label -> keep(label.sector(), paragraph));
    }

    private void keep(String key, LabeledParagraph paragraph) {
        Deque<LabeledParagraph> kept = bySector.computeIfAbsent(key, k -> new ArrayDeque<>());
        kept.addFirst(paragraph);
        if (kept.size() > KEEP_PER_SECTOR) {
            kept.removeLast();
        }
    }

    private void run() {
        try {
            seekToTail();
            while (running.get()) {
                pollOnce();
            }
        } catch (WakeupException e) {
            // close() woke us up: a normal stop
        } catch (RuntimeException e) {
            LOG.error("recent paragraphs: reader stopped: {}", e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void seekToTail() {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(Topics.PARAGRAPHS_LABELED.name(), Duration.ofSeconds(30))
                .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
        consumer.assign(partitions);
        consumer.endOffsets(partitions).forEach((tp, end) ->
                consumer.seek(tp, Math.max(0, end - 10L * KEEP_PER_SECTOR)));
    }

    private void pollOnce() {
        try {
            for (ConsumerRecord<String, LabeledParagraph> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() != null) {
                    add(record.value());
                }
            }
        } catch (RecordDeserializationException e) {
            LOG.warn("recent paragraphs: skipped {}@{}: {}", e.topicPartition(), e.offset(), e.getMessage());
            consumer.seek(e.topicPartition(), e.offset() + 1);
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (!thread.isAlive()) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
