package trendwatch.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.StreamsConfig;
import trendwatch.app.StreamsStage;
import trendwatch.classify.ArticleClassifier;
import trendwatch.classify.ClassifiedArticle;
import trendwatch.classify.ClassifyConfig;
import trendwatch.classify.ClassifyTopology;
import trendwatch.ingest.ArticleSink;
import trendwatch.model.Article;
import trendwatch.model.Durations;
import trendwatch.model.Granularity;
import trendwatch.model.Topics;
import trendwatch.model.TrendCount;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.publish.PublishConfig;
import trendwatch.publish.PublishTopology;

/**
 * End-to-end latency at a fixed rate: ~3 KB articles produced to {@code trend.articles.raw} on a fixed schedule
 * by the real classify and publish, measured from each article's <em>intended</em> send time (so a stall of the
 * producer or of the pipeline counts against every article it delays: no coordinated omission) until
 * <ol type="a">
 *   <li>all of the article's labeled paragraphs are visible to a read_committed consumer of
 *       {@code trend.paragraphs.labeled} (matched by key = article id, counted against the offline split), and</li>
 *   <li>its counts are visible on {@code trend.counts}: a count of n articles on a {@code sector|granularity|bucket}
 *       key shows the first n articles sent to that key, and an article is counted once every key it must produce
 *       has shown it. By default every article is published in its own week ({@link PublishedTimes}), so its
 *       hour, day and week buckets belong to it alone: an exact match, and publish's worst case (no two articles
 *       share a count). With {@code --days D} articles are published over the last D days, as in
 *       ThroughputBench (30 there): buckets are shared, and (b) is then how long until every count of the article
 *       includes as many articles as had been sent to it with this one (exact unless a later article of the same
 *       bucket overtakes it on another partition).</li>
 * </ol>
 *
 * <pre>java -XX:G1HeapRegionSize=16m -cp bench/target/benchmarks.jar trendwatch.bench.LatencyBench RATE|half
 *     [SECONDS=60] [--warmup S=60] [--jit-warmup-runs K=2] [--days D] [--partitions P] [--set streams.key=value]...
 *     [--forget-articles-after TIME] [--through-ingest] [--launcher]</pre>
 * With {@code --launcher} the pipeline is the real {@code ./trendwatch run} in its own process ({@link Launcher}: its
 * {@code -Xmx1g}, its embedded broker, its Java defaults), and this JVM only produces and watches; {@code half} then
 * takes half the fastest of K preloads of 20 000 articles into it (dated in 2000, out of the measured buckets), each
 * timed until both stages have committed all of it. {@code --set}, {@code --partitions} and
 * {@code --forget-articles-after} do not apply there (the launcher's own settings are measured).
 * With {@code --through-ingest} the articles go through ingest's sink (its transactions, each with ingest's memory
 * of the articles it holds) instead of a plain producer, so the clock starts where ingest takes an article in.
 * RATE is in articles/s; {@code half} runs four JIT warm-up runs first and takes half the fastest (they run
 * ThroughputBench's pipeline with the same settings and the same {@code --days}, so the maximum is measured on the
 * same workload). Run from the project root.
 */
public final class LatencyBench {

    private final int count;
    private final int warmupCount;
    private final int warmupSeconds;
    private final long periodNanos;
    private final int[] paragraphs;
    private final List<Set<String>> countKeys;
    /** Per count key, the articles that add to it, in send order. */
    private final Map<String, List<Integer>> articlesByKey = new HashMap<>();
    /** Per count key, how many of its articles a count record has shown so far. */
    private final Map<String, Integer> shownByKey = new HashMap<>();
    private final Article[] articles;
    private volatile long startNanos;

    private LatencyBench(double rate, int seconds, int warmupSeconds, int days, Taxonomy taxonomy) throws Exception {
        this.count = (int) Math.round(rate * (seconds + warmupSeconds));
        this.warmupCount = (int) Math.round(rate * warmupSeconds);
        this.warmupSeconds = warmupSeconds;
        this.periodNanos = (long) (1e9 / rate);
        this.paragraphs = new int[count];
        this.articles = new Article[count];
        this.countKeys = new ArrayList<>(count);
        BenchArticles source = new BenchArticles(Corpus.paragraphs(Path.of("")), 11);
        ArticleClassifier classifier = new ArticleClassifier(taxonomy);
        Instant now = Instant.now();
        PublishedTimes times = new PublishedTimes(days, count, now);
        for (int i = 0; i < count; i++) {
            Instant published = times.of(i);
            ClassifiedArticle classified;
            do { // only articles with at least one sector have a count to wait for
                articles[i] = source.article("lat-" + i, published, now);
                classified = classifier.classify(articles[i]);
            } while (classified.labels().sectors().isEmpty());
            paragraphs[i] = classified.paragraphs().size();
            Set<String> keys = new HashSet<>();
            for (String sector : classified.labels().sectors().keySet()) {
                for (Granularity g : Granularity.values()) {
                    keys.add(TrendCount.key(sector, g, g.bucketStart(published)));
                }
            }
            countKeys.add(keys);
            for (String key : keys) {
                articlesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        // "half": half the fastest of the JIT warm-up runs, i.e. of the maximum rate measured in this JVM with the
        // same settings just before (the "50 % of the measured maximum rate")
        boolean halfOfMeasured = args[0].equals("half");
        double rate = halfOfMeasured ? 0 : Double.parseDouble(args[0]);
        int seconds = 60;
        // a cold pipeline at 750 articles/s falls 5-10 s behind in its first seconds (JIT) and catches up after
        // 20-40 s; so the JVM first runs ThroughputBench's pipeline unmeasured (--jit-warmup-runs 0 shows a cold
        // start), then the measured pipeline runs S seconds at the rate before the percentiles start; after 30 s the
        // JIT still compiled for 6-8 s of the measured minute (Kafka's own code), after 60 s for 3-4 s
        int warmup = 60;
        int jitWarmupRuns = halfOfMeasured ? 4 : 2;
        int days = 0;
        Duration forgetAfter = null;
        boolean throughIngest = false;
        boolean launcher = false;
        int partitions = 3;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--jit-warmup-runs" -> jitWarmupRuns = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--forget-articles-after" -> forgetAfter = Durations.parse(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--through-ingest" -> throughIngest = true;
                case "--launcher" -> launcher = true;
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    overrides.put(kv[0], kv[1]);
                }
                default -> seconds = Integer.parseInt(args[i]);
            }
        }
        System.out.println("LatencyBench " + GcSettings.describe());
        Taxonomy taxonomy = Taxonomy.loadDefault();
        if (launcher) {
            runAgainstLauncher(halfOfMeasured ? 0 : rate, seconds, warmup, jitWarmupRuns, days, taxonomy);
            System.exit(0);
        }
        double fastest = ThroughputBench.warmUp(jitWarmupRuns, partitions, days, overrides);
        if (halfOfMeasured) {
            if (fastest == 0) {
                throw new IllegalArgumentException("half: no warm-up run to measure the maximum rate with");
            }
            rate = Math.floor(fastest / 2);
        }
        LatencyBench bench = new LatencyBench(rate, seconds, warmup, days, taxonomy);
        System.out.printf(Locale.ROOT, "LatencyBench rate=%.0f articles/s%s for %d s after %d s warm-up (%d"
                        + " articles), %s, partitions=%d overrides=%s forget-articles-after=%s through %s, load=%s%n",
                rate, halfOfMeasured ? String.format(Locale.ROOT, " (half of the fastest warm-up run, %.0f)", fastest)
                        : "", seconds, warmup, bench.count, PublishedTimes.describe(days), partitions, overrides,
                forgetAfter, throughIngest ? "ingest's sink" : "a plain producer", ThroughputBench.load());
        try (BenchKafka kafka = BenchKafka.start(partitions, taxonomy.sectorIds())) {
            bench.run(kafka, taxonomy, overrides, forgetAfter, throughIngest);
        }
        System.exit(0);
    }

    private void run(BenchKafka kafka, Taxonomy taxonomy, Map<String, String> overrides, Duration forgetAfter,
                     boolean throughIngest) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        var classifySettings = kafka.streamsSettings(ClassifyTopology.APPLICATION_ID, overrides);
        var publishSettings = kafka.streamsSettings(PublishTopology.APPLICATION_ID, overrides);
        try (StreamsStage classify = new StreamsStage("classify",
                ClassifyTopology.build(new ClassifyConfig(taxonomy, meters)), classifySettings, meters);
             StreamsStage publish = new StreamsStage("publish",
                     PublishTopology.build(new PublishConfig(Clock.systemUTC(), meters, forgetAfter)),
                     publishSettings, meters);
             KafkaProducer<String, byte[]> producer = kafka.producer(16 * 1024, 0);
             // ingest's own sink: its transactions (what they hold: whatever came while the last one committed)
             ArticleSink ingest = throughIngest ? ArticleSink.open(kafka.connection(), "latency-bench-ingest",
                     kafka.folder("ingest-seen")) : null) {
            classify.start();
            publish.start();
            if (!classify.awaitRunning(Duration.ofSeconds(60)) || !publish.awaitRunning(Duration.ofSeconds(60))) {
                throw new IllegalStateException("stages did not start");
            }
            IntConsumer send = ingest != null ? i -> sendThroughIngest(ingest, articles[i])
                    : i -> producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), articles[i].id(),
                            BenchArticles.bytes(articles[i])));
            measure(kafka.bootstrap(), send, "classify " + commitInterval(classifySettings) + ", publish "
                    + commitInterval(publishSettings), "self");
            printCommits(classify);
            printCommits(publish);
            if (ingest != null) {
                System.out.printf(Locale.ROOT, "ingest committed %d articles in %d transactions%n", count,
                        ingest.transactions());
            }
            if (forgetAfter != null) {
                System.out.printf(Locale.ROOT, "articles forgotten by publish: %.0f%n",
                        meters.counter("trendwatch.articles.forgotten").count());
            }
        }
    }

    private static void sendThroughIngest(ArticleSink ingest, Article article) {
        ingest.publishIfChangedAsync(article, "latency-bench", null).whenComplete((outcome, error) -> {
            if (error != null) {
                System.out.println("ingest failed to publish an article: " + error);
            }
        });
    }

    /**
     * Sends every article on schedule with {@code send}, watches the broker at {@code bootstrap} for its paragraphs
     * and counts, and prints the percentiles, the CPU of the measured seconds and which threads of process
     * {@code pid} ("self": this one) were busiest in the slow seconds.
     */
    private void measure(String bootstrap, IntConsumer send, String commit, String pid) throws Exception {
        // from the end: a launcher's topics hold its preloads (a fresh broker's are empty)
        Watcher labeled = new Watcher("bench-watch-paragraphs",
                BenchKafka.readCommitted(bootstrap, Topics.PARAGRAPHS_LABELED.name(), true), this::paragraphSeen);
        Watcher counted = new Watcher("bench-watch-counts",
                BenchKafka.readCommitted(bootstrap, Topics.COUNTS.name(), true), this::countSeen);
        labeled.start();
        counted.start();
        String loadBefore = ThroughputBench.load();
        startNanos = System.nanoTime() + 100_000_000L;
        // wall-clock time of second 0 of send time, to find a slow second in a profile (JFR) or a log
        System.out.printf(Locale.ROOT, "sending from %s%n", Instant.now().plusMillis(100));
        long maxLateNanos = 0;
        // this JVM's threads: with --launcher they are only the producer and the watchers, not worth reporting
        boolean self = pid.equals("self");
        ThreadCpu cpu = null;
        ProcThreadSampler sampler = new ProcThreadSampler(startNanos, pid);
        sampler.start();
        for (int i = 0; i < count; i++) {
            if (i == warmupCount && self) {
                cpu = ThreadCpu.start(); // over the measured seconds only
            }
            long intended = startNanos + i * periodNanos;
            while (System.nanoTime() < intended) {
                LockSupport.parkNanos(intended - System.nanoTime());
            }
            maxLateNanos = Math.max(maxLateNanos, System.nanoTime() - intended);
            send.accept(i);
        }
        String cpuUsed = cpu == null ? "" : cpu.report(14);
        sampler.finish();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((labeled.done < count || counted.done < count) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        labeled.finish();
        counted.finish();
        System.out.printf(Locale.ROOT, "producer fell behind its schedule by at most %.1f ms; load %s -> %s;"
                + " commit.interval.ms=%s, target p99 <= commit interval + 300 ms%n", maxLateNanos / 1e6,
                loadBefore, ThroughputBench.load(), commit);
        print("(a) produce -> all labeled paragraphs visible", labeled);
        print("(b) produce -> its counts visible on trend.counts", counted);
        System.out.print(cpuUsed);
        // from 10 s in: the first seconds are the JIT and the stages catching up
        System.out.print(sampler.slowSeconds(counted.worstPerSecond, Math.min(10, warmupSeconds)));
    }

    /**
     * The same measurement against the real {@code ./trendwatch run}: warms its JVM up with preloads (and measures
     * its maximum with them when {@code rate} is 0), then sends at the rate.
     */
    private static void runAgainstLauncher(double rate, int seconds, int warmup, int preloads, int days,
                                           Taxonomy taxonomy) throws Exception {
        Path data = Files.createTempDirectory("trendwatch-latency");
        try (Launcher launcher = Launcher.start(data, List.of());
             KafkaProducer<String, byte[]> producer = BenchKafka.producer(Launcher.BOOTSTRAP, 16 * 1024, 0,
                     Duration.ofMinutes(2))) {
            double fastest = preload(producer, preloads);
            if (rate == 0) {
                if (fastest == 0) {
                    throw new IllegalArgumentException("half: no preload to measure the maximum rate with");
                }
                rate = Math.floor(fastest / 2);
            }
            LatencyBench bench = new LatencyBench(rate, seconds, warmup, days, taxonomy);
            System.out.printf(Locale.ROOT, "LatencyBench against ./trendwatch run (pid %d): rate=%.0f articles/s%s for"
                            + " %d s after %d s warm-up (%d articles), %s, load=%s%n", launcher.pid(), rate,
                    fastest > 0 ? String.format(Locale.ROOT, " (the fastest preload %.0f)", fastest) : "", seconds,
                    warmup, bench.count, PublishedTimes.describe(days), ThroughputBench.load());
            double cpuBefore = launcher.cpuSeconds();
            long nanosBefore = System.nanoTime();
            bench.measure(Launcher.BOOTSTRAP, i -> producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(),
                    bench.articles[i].id(), BenchArticles.bytes(bench.articles[i]))),
                    "the launcher's (classify " + ClassifyTopology.COMMIT_INTERVAL_MS + ", publish "
                            + PublishTopology.COMMIT_INTERVAL_MS + ")", Long.toString(launcher.pid()));
            System.out.printf(Locale.ROOT, "./trendwatch run used %.2f cores from the first send to the last count"
                    + " seen; peak RSS %.0f MB%n", (launcher.cpuSeconds() - cpuBefore)
                    / ((System.nanoTime() - nanosBefore) / 1e9), launcher.statusMb("VmHWM:"));
        } finally {
            BenchKafka.deleteTree(data); // Kafka's logs of some 350 000 articles: gigabytes
        }
    }

    /** Loads 20 000 articles dated in 2000 at once, {@code runs} times; the fastest rate the pipeline took them at. */
    private static double preload(KafkaProducer<String, byte[]> producer, int runs) throws Exception {
        BenchArticles source = new BenchArticles(Corpus.paragraphs(Path.of("")), 7);
        Instant dated = Instant.parse("2000-01-03T00:00:00Z");
        double fastest = 0;
        for (int run = 1; run <= runs; run++) {
            List<Article> batch = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                batch.add(source.article("preload-" + run + "-" + i, dated.plusSeconds(i * 60L), dated));
            }
            long start = System.nanoTime();
            for (Article article : batch) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), article.id(),
                        BenchArticles.bytes(article)));
            }
            producer.flush();
            Launcher.awaitCaughtUp(Duration.ofMinutes(10));
            double rate = batch.size() / ((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "preload %d of %d (warms the launcher's JVM up): 20000 articles taken in"
                    + " at %.0f articles/s; load %s%n", run, runs, rate, ThroughputBench.load());
            fastest = Math.max(fastest, rate);
        }
        return fastest;
    }

    private static String commitInterval(Properties settings) {
        return String.valueOf(settings.getOrDefault(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100 (EOS default)"));
    }

    /** Where a hop's time goes: every hop ends with its stage's transaction commit. */
    private static void printCommits(StreamsStage stage) {
        Map<String, Double> thread = new TreeMap<>();
        stage.streams().metrics().forEach((name, metric) -> {
            if (name.group().equals("stream-thread-metrics") && metric.metricValue() instanceof Double value
                    && List.of("commit-latency-avg", "commit-latency-max", "commit-rate", "poll-latency-avg",
                    "process-ratio", "commit-ratio", "poll-ratio").contains(name.name())) {
                thread.merge(name.name(), value, Double::sum);
            }
        });
        StringBuilder line = new StringBuilder(stage.name() + " stream thread:");
        thread.forEach((name, value) -> line.append(String.format(Locale.ROOT, " %s=%.2f", name, value)));
        System.out.println(line);
    }

    private void print(String what, Watcher watcher) {
        Histogram h = watcher.histogram;
        System.out.printf(Locale.ROOT, "%s: n=%d (after warm-up) p50=%.0f ms p99=%.0f ms p99.9=%.0f ms max=%.0f ms;"
                        + " %d of %d articles never seen%n", what, h.getTotalCount(), h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                count - watcher.done, count);
        StringBuilder worst = new StringBuilder("  worst per second of send time (ms):");
        for (long micros : watcher.worstPerSecond) {
            worst.append(' ').append(micros / 1000);
        }
        System.out.println(worst);
    }

    /** Completes article i when the record is the last of its labeled paragraphs. */
    private void paragraphSeen(ConsumerRecord<String, byte[]> r, int[] seen, IntConsumer completed) {
        if (!r.key().startsWith("lat-")) {
            return; // a preload's (--launcher)
        }
        int i = Integer.parseInt(r.key().substring("lat-".length()));
        if (++seen[i] == paragraphs[i]) {
            completed.accept(i);
        }
    }

    /**
     * A count of n articles shows the first n articles sent to its key (exact when each key has one article, as in
     * the default workload); an article is complete once every one of its keys has shown it.
     */
    private void countSeen(ConsumerRecord<String, byte[]> r, int[] seen, IntConsumer completed) {
        TrendCount c = Topics.COUNTS.valueSerde().deserializer().deserialize(r.topic(), r.value());
        List<Integer> sent = articlesByKey.get(r.key());
        if (c == null || sent == null) {
            return;
        }
        int shown = shownByKey.getOrDefault(r.key(), 0);
        for (; shown < Math.min(c.articles(), sent.size()); shown++) {
            int i = sent.get(shown);
            if (++seen[i] == countKeys.get(i).size()) {
                completed.accept(i);
            }
        }
        shownByKey.put(r.key(), shown);
    }

    /** What a record means for the articles' progress: calls back with each article index it completes. */
    private interface Completion {
        void apply(ConsumerRecord<String, byte[]> record, int[] seen, IntConsumer completed);
    }

    /** A consumer thread that records, per article, the latency from its intended send time to completion. */
    private final class Watcher extends Thread {
        final Histogram histogram = new Histogram(3_600_000_000L, 3);
        final KafkaConsumer<String, byte[]> consumer;
        final Completion completion;
        final int[] seen = new int[count];
        final boolean[] completed = new boolean[count];
        /** The worst latency of the articles meant to be sent in each second: shows whether the tail is periodic. */
        final long[] worstPerSecond = new long[(int) (count * periodNanos / 1_000_000_000L) + 2];
        volatile int done;
        volatile boolean running = true;

        Watcher(String name, KafkaConsumer<String, byte[]> consumer, Completion completion) {
            super(name);
            this.consumer = consumer;
            this.completion = completion;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(5))) {
                        completion.apply(r, seen, this::complete);
                    }
                }
            }
        }

        private void complete(int i) {
            completed[i] = true;
            long micros = (System.nanoTime() - (startNanos + i * periodNanos)) / 1000;
            if (i >= warmupCount) {
                histogram.recordValue(Math.max(0, micros));
            }
            int second = (int) (i * periodNanos / 1_000_000_000L);
            worstPerSecond[second] = Math.max(worstPerSecond[second], micros);
            done++;
        }

        /**
         * Articles still not seen count at the latency they have reached by now: left out, they would make the
         * percentiles those of the survivors.
         */
        void finish() throws InterruptedException {
            running = false;
            join(10_000);
            for (int i = warmupCount; i < seen.length; i++) {
                if (!completed[i]) {
                    histogram.recordValue((System.nanoTime() - (startNanos + i * periodNanos)) / 1000);
                }
            }
        }
    }
}
