package trendwatch.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import trendwatch.app.StreamsStage;
import trendwatch.classify.ArticleClassifier;
import trendwatch.classify.Classifier;
import trendwatch.classify.ClassifyConfig;
import trendwatch.classify.ClassifyTopology;
import trendwatch.model.DeadLetters;
import trendwatch.model.Topics;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.publish.PublishConfig;
import trendwatch.publish.PublishTopology;

/**
 * End-to-end throughput of classify + publish against the machine's limit. In one run: an embedded broker,
 * the contract's topics, N preloaded ~3 KB articles on {@code trend.articles.raw}; then
 * <ol>
 *   <li>a passthrough Streams app with the same settings copies the raw topic unchanged (the limit), timed from
 *       {@code start()} until its committed offsets cover the input (under EOS that commit is atomic with its
 *       output);</li>
 *   <li>the real classify and publish topologies, timed from {@code start()} until the per-sector totals read
 *       with read_committed from {@code trend.counts} equal the totals the product's own classifier gives offline
 *       (counts only grow here, so they are equal only once the last count is committed) and classify has
 *       committed all its input offsets (each dead letter is committed with its input's offset); the dead letters
 *       are then read back from {@code trend.dlq} and checked, off the clock.</li>
 * </ol>
 * With {@code --poison F} it runs three times on fresh brokers, clean, with a fraction F of bad records, clean again,
 * and checks every bad record reaches the dead-letter topic with its origin headers and the original bytes. Its
 * runs, the clean ones too, classify with {@link Poison#classifier}: the product's, throwing on one kind of poison.
 *
 * <pre>java -XX:G1HeapRegionSize=16m -cp bench/target/benchmarks.jar trendwatch.bench.ThroughputBench N
 *     [--poison F] [--partitions P] [--days D] [--set streams.key=value]... [--no-passthrough] [--warmup-runs K=4] [--timeout SECONDS]</pre>
 * {@code --days D}: articles are published over the last D days (default 30, a backfill; 1 is live news; 0 puts
 * each article in its own week, publish's worst case: see {@link PublishedTimes}).
 * Run from the project root (the corpus is read from {@code seeds/} and the evaluation sets).
 */
public final class ThroughputBench {

    private static final String PASSTHROUGH_TOPIC = "bench.passthrough";
    private static final String PASSTHROUGH_APP = "bench-passthrough";

    private final int records;
    private final int partitions;
    private final int days;
    private final Map<String, String> overrides;
    private final Duration timeout;
    private final Taxonomy taxonomy = Taxonomy.loadDefault();
    private final Function<Taxonomy, Classifier> classifiers;
    private final List<String> corpus;
    private double passthroughCpuMs;

    private ThroughputBench(int records, int partitions, int days, Map<String, String> overrides, Duration timeout,
                            Function<Taxonomy, Classifier> classifiers) throws Exception {
        this.records = records;
        this.classifiers = classifiers;
        this.partitions = partitions;
        this.days = days;
        this.overrides = overrides;
        this.timeout = timeout;
        this.corpus = Corpus.paragraphs(Path.of(""));
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        double poison = 0;
        int partitions = 3;
        int days = 30;
        boolean passthrough = true;
        int warmupRuns = 4;
        long timeoutSeconds = 600;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--poison" -> poison = Double.parseDouble(args[++i]);
                case "--partitions" -> partitions = Integer.parseInt(args[++i]);
                case "--days" -> days = Integer.parseInt(args[++i]);
                case "--no-passthrough" -> passthrough = false;
                case "--warmup-runs" -> warmupRuns = Integer.parseInt(args[++i]);
                case "--timeout" -> timeoutSeconds = Long.parseLong(args[++i]);
                case "--set" -> {
                    String[] kv = args[++i].split("=", 2);
                    overrides.put(kv[0], kv[1]);
                }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        ThroughputBench bench = new ThroughputBench(n, partitions, days, overrides, Duration.ofSeconds(timeoutSeconds),
                poison > 0 ? Poison::classifier : ArticleClassifier::new);
        System.out.printf(Locale.ROOT, "ThroughputBench N=%d partitions=%d %s overrides=%s cores=%d %s"
                + " load=%s%n", n, partitions, PublishedTimes.describe(days), overrides,
                Runtime.getRuntime().availableProcessors(), GcSettings.describe(), load());
        // the JIT: one JVM's runs went 1 461, 2 350, 2 637, 3 137, 3 711, 3 593 articles/s; what is measured is a warm JVM
        bench.warmUp(warmupRuns, poison);
        boolean ok;
        if (poison > 0) {
            // clean, poisoned, clean again: the poisoned run is compared with the mean of the two clean runs around
            // it, in case the JIT still makes later runs faster
            Run clean = bench.run(0, passthrough);
            Run poisoned = bench.run(poison, false);
            Run cleanAgain = bench.run(0, false);
            double cleanRate = (clean.recordsPerSecond() + cleanAgain.recordsPerSecond()) / 2;
            System.out.printf(Locale.ROOT, "poisoned/clean: %.1f %% of the mean clean rate %.0f articles/s"
                    + " (target >= 90 %%)%n", 100 * poisoned.recordsPerSecond() / cleanRate, cleanRate);
            ok = clean.ok && poisoned.ok && cleanAgain.ok;
        } else {
            ok = bench.run(0, passthrough).ok;
        }
        System.exit(ok ? 0 : 1);
    }

    /**
     * A JVM whose JIT has compiled the pipeline: what LatencyBench measures too. Returns the fastest run's
     * articles/s, the maximum rate as far as these runs tell.
     */
    static double warmUp(int runs, int partitions, int days, Map<String, String> overrides) throws Exception {
        return new ThroughputBench(20_000, partitions, days, overrides, Duration.ofMinutes(10), ArticleClassifier::new)
                .warmUp(runs, 0);
    }

    /**
     * Runs the pipeline unmeasured. With poison, every other run is poisoned: a JVM that has only seen clean input
     * throws its compiled code away (deoptimises) at the first bad records, and the poisoned run would measure the
     * JIT recompiling.
     */
    private double warmUp(int runs, double poison) throws Exception {
        double fastest = 0;
        for (int i = 1; i <= runs; i++) {
            double warmupPoison = i % 2 == 1 ? poison : 0;
            System.out.printf(Locale.ROOT, "warm-up run %d of %d (not measured%s):%n", i, runs,
                    warmupPoison > 0 ? ", poisoned" : "");
            fastest = Math.max(fastest, run(warmupPoison, false).recordsPerSecond());
        }
        return fastest;
    }

    private Run run(double poison, boolean withPassthrough) throws Exception {
        Input input = input(poison);
        try (BenchKafka kafka = BenchKafka.start(partitions, taxonomy.sectorIds())) {
            preload(kafka, input);
            return measure(kafka, input, poison, withPassthrough);
        }
    }

    private Run measure(BenchKafka kafka, Input input, double poison, boolean withPassthrough) throws Exception {
        double passthrough = withPassthrough ? passthrough(kafka, input.bytes) : 0;
        Run run = pipeline(kafka, input, poison > 0 ? "poisoned" : "clean");
        if (passthrough > 0) {
            System.out.printf(Locale.ROOT, "pipeline/passthrough: %.1f %% (target >= 50 %%)%n",
                    100 * run.recordsPerSecond() / passthrough);
        }
        return run;
    }

    /** The input records in order: articles, with every (1/F)-th one replaced by the next kind of poison. */
    private Input input(double poison) {
        BenchArticles articles = new BenchArticles(corpus, 42);
        Classifier classifier = classifiers.apply(taxonomy);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PublishedTimes times = new PublishedTimes(days, records, now);
        int every = poison > 0 ? (int) Math.round(1 / poison) : Integer.MAX_VALUE;
        Input input = new Input();
        for (int i = 0; i < records; i++) {
            Instant published = times.of(i);
            String key;
            byte[] value;
            if (i % every == every / 2) {
                Poison kind = Poison.values()[(i / every) % Poison.values().length];
                key = "poison-" + kind + "-" + i;
                value = kind.value(key, articles, now);
            } else {
                key = "bench-" + i;
                value = BenchArticles.bytes(articles.article(key, published, now));
            }
            input.add(key, value, Expectation.of(value, classifier));
        }
        return input;
    }

    private static void preload(BenchKafka kafka, Input input) throws Exception {
        long t0 = System.nanoTime();
        AtomicReference<Exception> failed = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = kafka.producer(256 * 1024, 20, Duration.ofSeconds(30))) {
            for (int i = 0; i < input.keys.size(); i++) {
                producer.send(new ProducerRecord<>(Topics.ARTICLES_RAW.name(), input.keys.get(i), input.values.get(i)),
                        (metadata, error) -> failed.compareAndSet(null, error));
            }
            producer.flush();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long end = kafka.endOffset(Topics.ARTICLES_RAW.name());
        if (failed.get() != null || end != input.keys.size()) {
            throw new IllegalStateException("preload wrote " + end + " of " + input.keys.size() + " records in "
                    + Math.round(s) + " s; first error: " + failed.get(), failed.get());
        }
        System.out.printf(Locale.ROOT, "preloaded %d records, %.1f MB (%d bad) in %.1f s; %d paragraphs expected,"
                        + " %d dead letters expected%n", input.keys.size(), input.bytes / 1e6, input.deadLetters.size(), s,
                input.paragraphs, input.deadLetters.size());
    }

    /** The machine's limit: the same settings, the same input, records copied unchanged. */
    private double passthrough(BenchKafka kafka, long inputBytes) throws Exception {
        kafka.createTopic(PASSTHROUGH_TOPIC);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.ARTICLES_RAW.name(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(PASSTHROUGH_TOPIC, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        long end = kafka.endOffset(Topics.ARTICLES_RAW.name());
        String loadBefore = load();
        // Kafka's commit interval (100 ms), not classify's 300: the passthrough is done in under a second, and
        // waiting up to 300 ms for its last commit would understate the machine's limit (13.6 % instead of ~9)
        try (StreamsStage streams = new StreamsStage("passthrough", builder.build(),
                kafka.streamsSettings(PASSTHROUGH_APP, overrides), new SimpleMeterRegistry())) {
            streams.start();
            // the clocks start once the group is joined, as the pipeline's do: 20 000 records take the passthrough
            // under a second, and a join inside that second would understate the machine's limit
            if (!streams.awaitRunning(timeout)) {
                throw new IllegalStateException("passthrough did not start within " + timeout);
            }
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            long deadline = t0 + timeout.toNanos();
            while (kafka.committed(PASSTHROUGH_APP, Topics.ARTICLES_RAW.name()) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("passthrough did not finish within " + timeout);
                }
                Thread.sleep(20);
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (processCpuNanos() - cpu0) / 1e6;
            System.out.printf(Locale.ROOT, "passthrough: %d records in %.2f s = %.0f records/s, %.1f MB/s;"
                    + " process CPU %.2f ms per record (load %s -> %s)%n", end, s, end / s, inputBytes / 1e6 / s,
                    cpuMs / end, loadBefore, load());
            passthroughCpuMs = cpuMs / end;
            return end / s;
        }
    }

    private Run pipeline(BenchKafka kafka, Input input, String name) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        long end = kafka.endOffset(Topics.ARTICLES_RAW.name());
        Totals observed = new Totals();
        DeadLetterCheck dlq = new DeadLetterCheck(input);
        String loadBefore = load();
        try (KafkaConsumer<String, byte[]> counts = kafka.readCommitted(Topics.COUNTS.name());
             KafkaConsumer<String, byte[]> deadLetters = kafka.readCommitted(Topics.DLQ.name());
             StreamsStage classify = new StreamsStage("classify",
                     ClassifyTopology.build(new ClassifyConfig(taxonomy, meters, classifiers)),
                     kafka.streamsSettings(ClassifyTopology.APPLICATION_ID, overrides), meters);
             StreamsStage publish = new StreamsStage("publish",
                     PublishTopology.build(new PublishConfig(Clock.systemUTC(), meters)),
                     kafka.streamsSettings(PublishTopology.APPLICATION_ID, overrides), meters)) {
            classify.start();
            publish.start();
            if (!classify.awaitRunning(timeout)) {
                throw new IllegalStateException("classify did not start within " + timeout);
            }
            ThreadCpu threads = ThreadCpu.start();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            long deadline = t0 + timeout.toNanos();
            long classifyDone = 0;
            long nextCheck = 0;
            boolean countsDone = false;
            while (!(countsDone && classifyDone != 0)) {
                for (ConsumerRecord<String, byte[]> r : counts.poll(Duration.ofMillis(20))) {
                    observed.update(r.key(), r.value() == null ? null
                            : Topics.COUNTS.valueSerde().deserializer().deserialize(r.topic(), r.value()));
                }
                countsDone = observed.sameAs(input.expected);
                long now = System.nanoTime();
                if (classifyDone == 0 && (now > nextCheck || countsDone)) {
                    nextCheck = now + 100_000_000L;
                    if (kafka.committed(ClassifyTopology.APPLICATION_ID, Topics.ARTICLES_RAW.name()) >= end) {
                        classifyDone = now;
                    }
                }
                if (now > deadline) {
                    System.out.printf(Locale.ROOT, "%s: NOT DONE after %s; classify state %s, publish state %s%n"
                                    + "  expected %s%n  observed %s%n  dead letters %d of %d%n", name, timeout,
                            classify.state(), publish.state(), input.expected, observed, dlq.count(),
                            input.deadLetters.size());
                    return new Run(0, false);
                }
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (processCpuNanos() - cpu0) / 1e6 / input.keys.size();
            String threadsCpu = threads.report(4);
            double rate = input.keys.size() / s;
            // the dead letters are read back and checked after the clock stops: classify wrote each in the
            // transaction that committed its input offset, and all input offsets are committed by now; reading
            // megabytes of them back is this harness's work, not the pipeline's
            while (dlq.count() < input.deadLetters.size() && System.nanoTime() < deadline) {
                deadLetters.poll(Duration.ofMillis(100)).forEach(dlq::check);
            }
            System.out.printf(Locale.ROOT, "pipeline (%s): %d records (%d articles, %d paragraphs) in %.2f s ="
                            + " %.0f articles/s, %.0f paragraphs/s; classify had committed all input after %.2f s"
                            + " (load %s -> %s)%n", name, input.keys.size(),
                    input.keys.size() - input.deadLetters.size(), input.paragraphs, s, rate, input.paragraphs / s,
                    classifyDone == 0 ? s : (classifyDone - t0) / 1e9, loadBefore, load());
            System.out.printf(Locale.ROOT, "pipeline (%s): process CPU %.2f ms per article (broker, both stages and"
                    + " this harness's consumers)%s%n", name, cpuMs, passthroughCpuMs == 0 ? ""
                    : String.format(Locale.ROOT, "; CPU-bound estimate of pipeline/passthrough on a quiet machine:"
                    + " %.1f %%", 100 * passthroughCpuMs / cpuMs));
            // who had the CPU: a run much slower than its neighbours is told apart as the stages' own work, the
            // broker's, or the JVM's (GC, a JIT recompiling what it deoptimised)
            System.out.print(threadsCpu.indent(2));
            boolean ok = dlq.report(name);
            return new Run(rate, ok);
        }
    }

    /** CPU time of this whole process: less sensitive than wall time to the other work on a shared machine. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private record Run(double recordsPerSecond, boolean ok) {
    }

    /** The records to preload and what the pipeline must make of them. */
    private static final class Input {
        final List<String> keys = new ArrayList<>();
        final List<byte[]> values = new ArrayList<>();
        final Map<String, byte[]> deadLetters = new HashMap<>();
        final Totals expected = new Totals();
        long paragraphs;
        long bytes;

        void add(String key, byte[] value, Expectation expectation) {
            keys.add(key);
            values.add(value);
            bytes += value.length;
            if (expectation.deadLetter()) {
                deadLetters.put(key, value);
            } else {
                expected.add(expectation.labels());
                paragraphs += expectation.paragraphs();
            }
        }
    }

    /** Every dead letter must be one of the bad records, unchanged, with the stage, reason and origin headers. */
    private static final class DeadLetterCheck {
        private static final List<String> HEADERS = List.of(DeadLetters.STAGE, DeadLetters.ERROR_CLASS,
                DeadLetters.ERROR_MESSAGE, DeadLetters.SOURCE_TOPIC, DeadLetters.SOURCE_PARTITION,
                DeadLetters.SOURCE_OFFSET);
        private final Input input;
        private final Map<Poison, Integer> byKind = new EnumMap<>(Poison.class);
        private final List<String> problems = new ArrayList<>();
        private int count;

        DeadLetterCheck(Input input) {
            this.input = input;
        }

        int count() {
            return count;
        }

        void check(ConsumerRecord<String, byte[]> r) {
            count++;
            byte[] original = input.deadLetters.get(r.key());
            if (original == null || !Arrays.equals(original, r.value())) {
                problems.add(r.key() + ": not an expected dead letter, or its value changed");
            }
            for (String header : HEADERS) {
                Header h = r.headers().lastHeader(header);
                if (h == null || h.value().length == 0) {
                    problems.add(r.key() + ": header " + header + " missing");
                }
            }
            Header topic = r.headers().lastHeader(DeadLetters.SOURCE_TOPIC);
            if (topic != null && !new String(topic.value(), StandardCharsets.UTF_8).equals(Topics.ARTICLES_RAW.name())) {
                problems.add(r.key() + ": source topic " + new String(topic.value(), StandardCharsets.UTF_8));
            }
            if (r.key().startsWith("poison-")) {
                byKind.merge(Poison.valueOf(r.key().split("-")[1]), 1, Integer::sum);
            }
        }

        boolean report(String name) {
            if (input.deadLetters.isEmpty() && count == 0) {
                return true;
            }
            // which records must be refused is worked out by the product's own parser and classifier; a build that
            // quietly accepted a kind of poison would expect it in the counts instead, so check it is refused
            input.keys.stream().filter(key -> key.startsWith("poison-") && !input.deadLetters.containsKey(key))
                    .forEach(key -> problems.add(key + ": poison the product accepted"));
            System.out.printf(Locale.ROOT, "%s: %d dead letters of %d expected, by kind %s%s%n", name, count,
                    input.deadLetters.size(), byKind, problems.isEmpty() ? ", all with origin headers and the"
                            + " original bytes" : "; PROBLEMS: " + problems);
            return problems.isEmpty() && count == input.deadLetters.size();
        }
    }
}
