package trendwatch.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.DeadLetterHandler;
import trendwatch.model.DeadLetters;
import trendwatch.publish.HealthCheck;

/** One Kafka Streams stage of the pipeline: started, watched and closed the same way for classify and publish. */
public final class StreamsStage implements HealthCheck, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsStage.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final String name;
    private final KafkaStreams streams;
    private final KafkaStreamsMetrics metrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private final ThreadFailures failures = new ThreadFailures(Clock.systemUTC());

    public StreamsStage(String name, Topology topology, Properties settings, MeterRegistry meters) {
        this.name = name;
        Properties withMeters = new Properties();
        withMeters.putAll(settings);
        withMeters.put(DeadLetterHandler.METERS_CONFIG, meters);
        this.streams = new KafkaStreams(topology, withMeters);
        this.metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(meters);
        DeadLetters.counter(meters, DeadLetterHandler.stageOf(settings));
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("{}: stream thread failed, replacing it: {}", name, error.toString());
            failures.record(error);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    }

    public KafkaStreams streams() {
        return streams;
    }

    public void start() {
        streams.start();
    }

    /** Waits until the stage processes records; false when it did not get there in time. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String state() {
        return failures.failing() ? "FAILING (" + failures.describe() + ")" : streams.state().name();
    }

    @Override
    public boolean healthy() {
        return streams.state().isRunningOrRebalancing() && !failures.failing();
    }

    @Override
    public void close() {
        metrics.close();
        // leave the group now, so a restarted stage gets its partitions at once instead of after the session timeout
        if (!streams.close(CloseOptions.groupMembershipOperation(GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(CLOSE_TIMEOUT))) {
            LOG.warn("{}: did not stop within {}", name, CLOSE_TIMEOUT);
        }
    }
}
