package trendwatch.app.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Utils;
import trendwatch.model.KafkaConnection;

/**
 * {@code --kafka-config FILE}: Kafka client settings in Java properties format (SASL, TLS, client tuning) that
 * every client of the pipeline uses, the same file a user would give Kafka's own command-line tools.
 */
final class KafkaConfigFile {

    /** Settings trendwatch sets itself because its guarantees depend on them. */
    private static final Set<String> OWNED = Set.of(
            ProducerConfig.TRANSACTIONAL_ID_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.ACKS_CONFIG, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, ConsumerConfig.GROUP_ID_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
    private static final Set<String> KNOWN = known();
    private static final String BOOTSTRAP_SERVERS = AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG;

    private KafkaConfigFile() {
    }

    /**
     * The connection to use: {@code --bootstrap-servers} if given, else the file's {@code bootstrap.servers};
     * null when there is neither (the embedded broker).
     */
    static KafkaConnection connection(String bootstrapServers, Path file) {
        // an empty $TRENDWATCH_KAFKA_CONFIG (as Compose passes an unset variable) means no file
        if (file == null || file.toString().isBlank()) {
            return bootstrapServers == null ? null : KafkaConnection.of(hostPorts("--bootstrap-servers",
                    bootstrapServers));
        }
        Map<String, String> settings = read(file);
        String fromFile = settings.remove(BOOTSTRAP_SERVERS);
        String bootstrap = bootstrapServers != null ? bootstrapServers : fromFile;
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new BadInputException("--kafka-config " + file + ": give --bootstrap-servers or set "
                    + BOOTSTRAP_SERVERS + " in the file (the embedded broker takes no client settings)");
        }
        return new KafkaConnection(hostPorts(bootstrapServers != null ? "--bootstrap-servers"
                : "--kafka-config " + file + ": " + BOOTSTRAP_SERVERS, bootstrap), settings);
    }

    /** A list of brokers as Kafka's clients take it, checked now: Kafka would fail later with a ConfigException. */
    static String hostPorts(String what, String servers) {
        for (String server : servers.split(",", -1)) {
            String s = server.strip();
            Integer port = Utils.getPort(s);
            if (Utils.getHost(s) == null || port == null || port < 1 || port > 65535) {
                throw new BadInputException(what + " '" + servers + "': '" + s + "' is not HOST:PORT");
            }
        }
        return servers;
    }

    static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--kafka-config " + file + ": no such file");
        } catch (IOException | IllegalArgumentException e) {
            throw new BadInputException("--kafka-config " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        Map<String, String> settings = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            settings.put(key, properties.getProperty(key).strip());
        }
        settings.keySet().forEach(key -> check(file, key));
        return settings;
    }

    private static void check(Path file, String key) {
        if (OWNED.contains(key)) {
            throw new BadInputException("--kafka-config " + file + ": '" + key
                    + "' is set by trendwatch itself (its exactly-once guarantees depend on it)");
        }
        // config providers (${env:NAME}, ${file:path:key}) keep secrets out of the file
        if (!KNOWN.contains(key) && !key.startsWith("config.providers")) {
            throw new BadInputException("--kafka-config " + file + ": '" + key + "' is not a Kafka client setting");
        }
    }

    private static Set<String> known() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return Set.copyOf(names);
    }
}
