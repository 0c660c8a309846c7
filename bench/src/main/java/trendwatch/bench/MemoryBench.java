package trendwatch.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import trendwatch.model.Article;
import trendwatch.model.Json;
import trendwatch.model.Topics;

/**
 * Memory and disk of {@code ./trendwatch run} as articles pile up: starts the real launcher on its own data folder
 * and ports, feeds it N real-shaped articles ({@link BenchArticles}: about 3 KB of consecutive corpus paragraphs,
 * Chinese and English, published over a fixed 28 days, so
 * the number of buckets stays the same while the articles grow), and after every step, once classify and publish
 * have caught up, prints the process's RSS, its Java heap after a full GC, and the size of each state store.
 * Articles go in through ingest ({@code POST /api/articles}, so ingest's memory of what it published is part of
 * the figure), with {@code --folder} as files dropped into the inbox folder, or with {@code --direct} straight onto
 * {@code trend.articles.raw}. With
 * {@code --forget-articles-after TIME} the run is started with that option, so the articles table keeps only the
 * articles of the last TIME.
 *
 * <pre>java -cp bench/target/benchmarks.jar trendwatch.bench.MemoryBench 100000 25000 [days] [--direct | --folder]
 *     [--forget-articles-after TIME]</pre>
 * Run from the project root (it starts {@code ./trendwatch run}); it uses ports 18080 and 19092-19093.
 */
public final class MemoryBench {

    private static final Duration CATCH_UP = Duration.ofMinutes(20);
    private static final double MB = 1024.0 * 1024.0;
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    private MemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int step = args.length > 1 ? Integer.parseInt(args[1]) : 25_000;
        int days = args.length > 2 && !args[2].startsWith("--") ? Integer.parseInt(args[2]) : 28;
        boolean direct = List.of(args).contains("--direct");
        boolean folder = List.of(args).contains("--folder");
        int forget = List.of(args).indexOf("--forget-articles-after");
        List<String> runOptions = forget < 0 ? List.of() : List.of(args[forget], args[forget + 1]);
        List<String> paragraphs = Corpus.paragraphs(Path.of("."));
        Path data = Files.createTempDirectory("trendwatch-memory");
        System.out.printf("articles  rss_MB  peak_rss_MB  rss_after_gc_MB  heap_after_gc_MB  live_state_MB:"
                + " labeled-articles  hour+day+week-counts  burst-history  burst-evidence  disk_MB: state_folders"
                + " (running, memtables not flushed)  kafka_log  (trend.articles.labeled live_MB)%n");
        BenchArticles articles = new BenchArticles(paragraphs, 42);
        Random times = new Random(42);
        Launcher run = Launcher.start(data, runOptions);
        try {
            for (int sent = 0; sent <= total; ) {
                int next = Math.min(total, sent + step);
                long feedStart = System.nanoTime();
                int first = sent;
                try (Feeder feeder = direct ? new DirectFeeder() : folder ? new FolderFeeder(data.resolve("inbox"), first)
                        : new ApiFeeder()) {
                    for (; sent < next; sent++) {
                        Instant published = START.plusSeconds(times.nextLong(days * 86_400L));
                        feeder.send(articles.article(String.format("bench-%08d", sent), published, published));
                    }
                    feeder.flush();
                }
                // through ingest: how fast it takes articles in (committed before the 202, or before counted published)
                double feedSeconds = (System.nanoTime() - feedStart) / 1e9;
                System.out.printf("(fed %d articles %s in %.1f s: %.0f articles/s)%n", sent - first,
                        direct ? "onto the raw topic" : folder ? "through the inbox folder"
                                : "through POST /api/articles", feedSeconds,
                        (sent - first) / feedSeconds);
                Launcher.awaitCaughtUp(CATCH_UP);
                // one process all the way: memory that builds up over its lifetime shows; RSS first as it is,
                // then after a full GC
                double rss = run.statusMb("VmRSS:");
                double peak = run.statusMb("VmHWM:");
                forceGc(run.pid());
                double rssAfterGc = run.statusMb("VmRSS:");
                double heap = heapUsedMb(run.pid());
                Map<String, Double> live = liveStateMb();
                Path streams = data.resolve("streams");
                System.out.printf("%8d  %6.0f  %11.0f  %15.0f  %16.0f  %30.1f  %20.1f  %13.1f  %14.1f  %20.1f  %9.1f"
                        + "  (%.1f)%n", sent, rss, peak, rssAfterGc, heap,
                        live.getOrDefault("labeled-articles", 0.0), live.getOrDefault("hour-counts", 0.0)
                                + live.getOrDefault("day-counts", 0.0) + live.getOrDefault("week-counts", 0.0),
                        live.getOrDefault("burst-history", 0.0), live.getOrDefault("burst-evidence", 0.0),
                        duMb(List.of(streams)),
                        duMb(List.of(data.resolve("kafka"))), live.getOrDefault("trend.articles.labeled", 0.0));
                if (sent == total) {
                    // a clean stop flushes RocksDB's memtables, so the store folders then hold all the state
                    run.close();
                    System.out.printf("after a clean stop: state folders %.1f MB%n", duMb(List.of(streams)));
                    break;
                }
            }
        } finally {
            run.close();
            System.out.println("data folder (delete when done): " + data);
        }
    }

    private interface Feeder extends AutoCloseable {
        void send(Article article) throws Exception;

        void flush() throws Exception;
    }

    /**
     * As files dropped into the inbox folder (Markdown, a sidecar with the publication time); done once ingest
     * counts them all published.
     */
    private static final class FolderFeeder implements Feeder {
        private static final Pattern PUBLISHED = Pattern.compile(
                "trendwatch_ingest_files_total\\{[^}]*outcome=\"published\"[^}]*} ([0-9.E]+)");
        private final Path inbox;
        private final int publishedBefore;
        private int written;

        FolderFeeder(Path inbox, int publishedBefore) {
            this.inbox = inbox;
            this.publishedBefore = publishedBefore;
        }

        @Override
        public void send(Article article) throws IOException {
            Path file = inbox.resolve(article.id() + ".md");
            Files.writeString(file.resolveSibling(file.getFileName() + ".meta.yaml"),
                    "publishedAt: " + article.publishedAt() + "\n");
            Files.writeString(file, "# " + article.title() + "\n\n" + article.body());
            written++;
        }

        @Override
        public void flush() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://localhost:" + Launcher.HTTP_PORT + "/metrics"))
                    .build();
            Instant deadline = Instant.now().plus(CATCH_UP);
            while (Instant.now().isBefore(deadline)) {
                Matcher m = PUBLISHED.matcher(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Double.parseDouble(m.group(1)) >= publishedBefore + written) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("ingest did not publish the " + written + " files in " + CATCH_UP);
        }

        @Override
        public void close() {
        }
    }

    /** Straight onto the raw topic, as ingest would write it. */
    private static final class DirectFeeder implements Feeder {
        private final KafkaProducer<String, byte[]> producer;
        private final AtomicReference<String> failure = new AtomicReference<>();

        DirectFeeder() {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Launcher.BOOTSTRAP);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        }

        @Override
        public void send(Article article) {
            producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(), BenchArticles.bytes(article)),
                    (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error.toString());
                        }
                    });
        }

        @Override
        public void flush() {
            producer.flush();
            if (failure.get() != null) {
                throw new IllegalStateException("an article was not written: " + failure.get());
            }
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /** Through ingest's submit endpoint, a few requests in flight. */
    private static final class ApiFeeder implements Feeder {
        private static final int IN_FLIGHT = 16;
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI endpoint = URI.create("http://localhost:" + Launcher.HTTP_PORT + "/api/articles");
        private final Semaphore slots = new Semaphore(IN_FLIGHT);
        private final AtomicReference<String> failure = new AtomicReference<>();

        @Override
        public void send(Article article) throws Exception {
            // with its URL, as a user submits a page's text: the URL names the article (BenchArticles draws bodies
            // from a few hundred corpus offsets, so title and body alone would name only a few hundred articles)
            ObjectNode json = Json.MAPPER.createObjectNode().put("url", article.url()).put("title", article.title())
                    .put("body", article.body()).put("publishedAt", article.publishedAt().toString());
            slots.acquire();
            http.sendAsync(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.ofString(
                    json.toString())).header("Content-Type", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                        slots.release();
                        if (error != null || response.statusCode() != 202) {
                            failure.compareAndSet(null, error != null ? error.toString()
                                    : response.statusCode() + " " + response.body());
                        } else if (!response.body().contains("\"outcome\":\"published\"")) {
                            // every article sent is a new one: anything else would measure fewer articles than sent
                            failure.compareAndSet(null, "not published as a new article: " + response.body());
                        }
                    });
            if (failure.get() != null) {
                throw new IllegalStateException("submit failed: " + failure.get());
            }
        }

        @Override
        public void flush() throws InterruptedException {
            slots.acquire(IN_FLIGHT);
            slots.release(IN_FLIGHT);
        }

        @Override
        public void close() {
        }
    }

    private static void forceGc(long pid) throws Exception {
        new ProcessBuilder("jcmd", Long.toString(pid), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
    }

    private static double heapUsedMb(long pid) throws Exception {
        Process jcmd = new ProcessBuilder("jcmd", Long.toString(pid), "GC.heap_info").start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(60, TimeUnit.SECONDS);
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(out);
        return used.find() ? Long.parseLong(used.group(1)) / 1024.0 : Double.NaN;
    }

    /**
     * The state a store holds once compacted: the latest record per key of its changelog topic, in MB. RocksDB's
     * folders also hold superseded versions until its own compaction runs, so their size lags behind this.
     */
    private static Map<String, Double> liveStateMb() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Launcher.BOOTSTRAP);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, Double> sizes = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            // the articles table's changelog holds each article's numbers; the topic it is built from, for comparison
            sizes.put("trend.articles.labeled", latestPerKeyBytes(consumer, Topics.ARTICLES_LABELED.name()) / MB);
            for (String topic : consumer.listTopics().keySet()) {
                if (topic.startsWith("trendwatch-publish-") && topic.endsWith("-changelog")) {
                    String store = topic.substring("trendwatch-publish-".length(), topic.length() - "-changelog".length());
                    sizes.put(store, latestPerKeyBytes(consumer, topic) / MB);
                }
            }
        }
        return sizes;
    }

    private static long latestPerKeyBytes(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<ByteBuffer, Integer> latest = new HashMap<>();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.value() == null) {
                    latest.remove(ByteBuffer.wrap(record.key()));
                } else {
                    latest.put(ByteBuffer.wrap(record.key()), record.key().length + record.value().length);
                }
            }
        }
        return latest.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** Disk really used ({@code du}): Kafka preallocates index files that are mostly holes. */
    private static double duMb(List<Path> paths) throws Exception {
        if (paths.isEmpty()) {
            return 0;
        }
        List<String> command = new ArrayList<>(List.of("du", "-sck"));
        paths.forEach(p -> command.add(p.toString()));
        Process du = new ProcessBuilder(command).start();
        List<String> lines = new String(du.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        du.waitFor(60, TimeUnit.SECONDS);
        return Long.parseLong(lines.get(lines.size() - 1).split("\\s+")[0]) / 1024.0;
    }
}
