package trendwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The real {@code ./trendwatch run}, as a user starts it (its launcher, its {@code -Xmx1g}, its embedded broker), on
 * a data folder of its own, without the seed, on fixed ports: HTTP 18080, Kafka 19092 (and 19093 for its
 * controller). Run from the project root.
 */
final class Launcher implements AutoCloseable {

    static final int HTTP_PORT = 18080;
    static final int KAFKA_PORT = 19092;
    static final String BOOTSTRAP = "localhost:" + KAFKA_PORT;

    private final Process process;

    private Launcher(Process process) {
        this.process = process;
    }

    /** Starts it and returns once {@code /health} reports ingest running, the last stage to start. */
    static Launcher start(Path data, List<String> runOptions) throws Exception {
        Path seeds = Files.createDirectories(data.resolve("no-seeds"));
        Path log = data.resolve("run.log");
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of("./trendwatch", "run", "--data-dir", data.toString(), "--seeds",
                seeds.toString(), "--port", Integer.toString(HTTP_PORT), "--kafka-port", Integer.toString(KAFKA_PORT)));
        command.addAll(runOptions);
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Launcher launcher = new Launcher(run);
        try {
            launcher.awaitReady(log);
        } catch (Exception e) {
            launcher.close();
            throw e;
        }
        return launcher;
    }

    /** The launcher execs java, so its process is the JVM. */
    long pid() {
        return process.pid();
    }

    /** The CPU its process has used so far, user and system, in seconds (from /proc). */
    double cpuSeconds() throws IOException {
        return ProcThreadSampler.cpuTicks(Files.readString(Path.of("/proc", Long.toString(pid()), "stat")))
                * ProcThreadSampler.MS_PER_TICK / 1000;
    }

    /** A size field of its /proc/PID/status (VmRSS: resident now, VmHWM: the peak), in MB. */
    double statusMb(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException(field + " missing from /proc/" + pid() + "/status");
    }

    private void awaitReady(Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + HTTP_PORT + "/health")).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("./trendwatch run did not start; see " + log);
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("\"ingest\":\"RUNNING\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the HTTP server binds after the broker and stages have started
            }
            Thread.sleep(500);
        }
    }

    /** Waits until both Streams apps have committed everything on their input topics. */
    static void awaitCaughtUp(Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", BOOTSTRAP))) {
            while (lag(admin, "trendwatch-classify") + lag(admin, "trendwatch-publish") > 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the pipeline did not catch up within " + timeout);
                }
                Thread.sleep(100);
            }
        }
    }

    private static long lag(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return 1;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest,
                new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
        long lag = 0;
        for (var entry : committed.entrySet()) {
            // a transaction marker follows every committed batch: the last committed offset is one short of the end
            lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset() - 1);
        }
        return lag;
    }

    /** Stops it as Ctrl-C would, forcibly after a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
