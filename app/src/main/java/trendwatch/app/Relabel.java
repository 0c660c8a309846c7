package trendwatch.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.classify.ClassifyTopology;
import trendwatch.model.KafkaConnection;
import trendwatch.model.StartupException;
import trendwatch.model.Topics;

/**
 * Re-labels all history: rewinds the classify stage to the start of {@code trend.articles.raw}, so that it
 * labels every article again with the taxonomy it starts with. Because {@code trend.articles.labeled} is keyed
 * by article and counted as a table, each article's new contribution replaces its old one and the counts
 * converge to exactly what a fresh run with the new taxonomy gives.
 */
final class Relabel {

    private static final Logger LOG = LoggerFactory.getLogger(Relabel.class);
    /** A crashed classify's group member lingers for the session timeout (10 s); wait a little longer. */
    private static final Duration WAIT_FOR_EMPTY_GROUP = Duration.ofSeconds(15);

    private Relabel() {
    }

    static void rewindClassify(KafkaConnection kafka) throws InterruptedException {
        try (Admin admin = Admin.create(kafka.properties())) {
            awaitNoActiveClassify(admin);
            Map<TopicPartition, OffsetAndMetadata> start = earliestOffsets(admin);
            admin.alterConsumerGroupOffsets(ClassifyTopology.APPLICATION_ID, start).all().get(30, TimeUnit.SECONDS);
            LOG.info("relabel: classify rewound to the start of {} ({} partitions); all history will be re-labeled",
                    Topics.ARTICLES_RAW.name(), start.size());
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupException("relabel: cannot rewind classify: " + e.getMessage());
        }
    }

    private static void awaitNoActiveClassify(Admin admin) throws InterruptedException, ExecutionException,
            TimeoutException {
        Instant deadline = Instant.now().plus(WAIT_FOR_EMPTY_GROUP);
        while (hasMembers(admin)) {
            if (Instant.now().isAfter(deadline)) {
                throw new StartupException("relabel: classify is still running (consumer group "
                        + ClassifyTopology.APPLICATION_ID + " has members); stop every classify instance first");
            }
            Thread.sleep(500);
        }
    }

    private static boolean hasMembers(Admin admin) throws InterruptedException, ExecutionException,
            TimeoutException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ClassifyTopology.APPLICATION_ID))
                    .all().get(30, TimeUnit.SECONDS).get(ClassifyTopology.APPLICATION_ID);
            return group.groupState() != GroupState.EMPTY && group.groupState() != GroupState.DEAD
                    && !group.members().isEmpty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return false;
            }
            throw e;
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> earliestOffsets(Admin admin) throws InterruptedException,
            ExecutionException, TimeoutException {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.ARTICLES_RAW.name())).allTopicNames()
                .get(30, TimeUnit.SECONDS).get(Topics.ARTICLES_RAW.name()).partitions().stream()
                .map(p -> new TopicPartition(Topics.ARTICLES_RAW.name(), p.partition())).toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.earliest())))
                .all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue().offset())));
    }
}
