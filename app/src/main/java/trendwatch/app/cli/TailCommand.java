package trendwatch.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trendwatch.model.Label;
import trendwatch.model.KafkaConnection;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.StartupException;
import trendwatch.model.Texts;
import trendwatch.model.Topic;
import trendwatch.model.Topics;

/** {@code trendwatch tail}: follows labeled paragraphs in the terminal as they arrive, with sectors and evidence. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follow labeled paragraphs as they arrive (all of them, or one sector's).")
final class TailCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());
    private static final int MAX_TEXT = 160;
    private static final String LOCAL_KAFKA = "localhost:9092";
    private static final Duration REACH_KAFKA = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "H:P",
            description = "The pipeline's Kafka (default: bootstrap.servers of --kafka-config, else " + LOCAL_KAFKA
                    + ").")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE", defaultValue = "${env:TRENDWATCH_KAFKA_CONFIG}",
            description = "Kafka client settings (SASL, TLS) in properties format (default: $TRENDWATCH_KAFKA_CONFIG).")
    Path kafkaConfig;

    private KafkaConnection kafka;

    @Option(names = "--sector", paramLabel = "ID", description = "Only this sector's paragraphs.")
    String sector;

    @Option(names = "--from-beginning", description = "Start with the oldest paragraph still kept.")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N paragraphs.")
    Integer max;

    @Override
    public Integer call() {
        if (sector != null && !sector.matches("[a-z][a-z0-9_-]*")) {
            throw new BadInputException("--sector '" + sector + "' is not a sector id");
        }
        // checked before Kafka is reached: -1 or 0 used to wait for a broker, show nothing and exit 0
        if (max != null && max < 1) {
            throw new BadInputException("--max " + max + ": must be 1 or more");
        }
        Topic<String, LabeledParagraph> topic = sector == null ? Topics.PARAGRAPHS_LABELED : Topics.sector(sector);
        KafkaConnection given = KafkaConfigFile.connection(bootstrapServers, kafkaConfig);
        kafka = given == null ? KafkaConnection.of(LOCAL_KAFKA) : given;
        KafkaConsumer<String, LabeledParagraph> consumer = consumer();
        Thread main = Thread.currentThread();
        // Ctrl-C wakes the consumer and waits for the loop to close it, so the terminal gets a clean end
        Thread onCtrlC = new Thread(() -> {
            consumer.wakeup();
            joinQuietly(main);
        });
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try (consumer) {
            assign(consumer, topic);
            follow(consumer);
        } catch (WakeupException e) {
            return ExitCodes.OK;
        }
        Runtime.getRuntime().removeShutdownHook(onCtrlC);
        return ExitCodes.OK;
    }

    private KafkaConsumer<String, LabeledParagraph> consumer() {
        Properties p = kafka.properties();
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a broker that creates topics on demand (the embedded one does) would otherwise create the topic of a sector
        // the pipeline does not have while we answer that it does not exist, and the next tail would wait on it
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), Topics.PARAGRAPHS_LABELED.valueSerde().deserializer());
    }

    private void assign(KafkaConsumer<String, LabeledParagraph> consumer, Topic<String, LabeledParagraph> topic) {
        List<TopicPartition> partitions;
        try {
            partitions = consumer.partitionsFor(topic.name(), REACH_KAFKA).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        } catch (TimeoutException e) {
            throw new StartupException("cannot reach Kafka at " + kafka.bootstrapServers() + " within "
                    + REACH_KAFKA.toSeconds() + " s: is the pipeline running (./trendwatch run)?");
        }
        if (partitions.isEmpty()) {
            throw new BadInputException("topic " + topic.name() + " does not exist on " + kafka.bootstrapServers());
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
    }

    private void follow(KafkaConsumer<String, LabeledParagraph> consumer) {
        PrintWriter out = spec.commandLine().getOut();
        int shown = 0;
        while (max == null || shown < max) {
            try {
                for (ConsumerRecord<String, LabeledParagraph> record : consumer.poll(Duration.ofMillis(500))) {
                    if (max != null && shown >= max) {
                        break;
                    }
                    if (record.value() == null) {
                        out.println("article " + record.key() + " withdrawn");
                    } else {
                        out.println(line(record.value()));
                        shown++;
                    }
                }
                out.flush();
            } catch (RecordDeserializationException e) {
                consumer.seek(e.topicPartition(), e.offset() + 1);
            }
        }
    }

    static String line(LabeledParagraph p) {
        Instant at = p.publishedAt() != null ? p.publishedAt() : p.fetchedAt();
        String labels = p.labels().isEmpty() ? "-" : p.labels().stream().map(TailCommand::label)
                .collect(Collectors.joining(" "));
        String text = p.text().replaceAll("\\s+", " ");
        text = Texts.shortened(text, MAX_TEXT);
        String title = p.title() != null ? p.title() : "(untitled)";
        return (at == null ? "" : TIME.format(at) + " ") + "[" + labels + "] " + title + " (" + p.articleId() + ") ¶"
                + p.index() + ": " + text;
    }

    private static String label(Label label) {
        String evidence = label.context() != null ? "from " + label.context()
                : String.join(", ", label.evidence().subList(0, Math.min(3, label.evidence().size())));
        return String.format(Locale.ROOT, "%s %.2f (%s)", label.sector(), label.score(), evidence);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(3000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
