package trendwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import trendwatch.app.EmbeddedKafka;

/**
 * What one small transaction costs on the embedded broker, back to back as ingest commits them: a 3 KB article and
 * an 80-byte memory record per transaction, with the producer's default {@code retry.backoff.ms} (100 ms) and with
 * 5 ms (it made no difference here). Why ingest commits whatever arrived meanwhile in one transaction.
 *
 * <pre>java -cp bench/target/benchmarks.jar trendwatch.bench.TransactionBench [TRANSACTIONS=200]</pre>
 */
public final class TransactionBench {

    private TransactionBench() {
    }

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("trendwatch-transactions");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir, BenchKafka.freePort(), BenchKafka.freePort());
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("articles", 1, (short) 1), new NewTopic("seen", 1, (short) 1)))
                    .all().get();
            for (String backoff : List.of("100", "5")) {
                Properties p = new Properties();
                p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
                p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "bench-" + backoff);
                p.put(ProducerConfig.ACKS_CONFIG, "all");
                p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, backoff);
                try (KafkaProducer<String, byte[]> producer =
                             new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
                    producer.initTransactions();
                    for (int round = 1; round <= 3; round++) {
                        long start = System.nanoTime();
                        for (int i = 0; i < transactions; i++) {
                            producer.beginTransaction();
                            producer.send(new ProducerRecord<>("articles", "a" + i, new byte[3000]));
                            producer.send(new ProducerRecord<>("seen", "a" + i, new byte[80]));
                            producer.commitTransaction();
                        }
                        System.out.printf(Locale.ROOT, "retry.backoff.ms=%s, round %d of 3: %.1f ms per transaction%n",
                                backoff, round, (System.nanoTime() - start) / 1e6 / transactions);
                    }
                }
            }
        }
    }
}
