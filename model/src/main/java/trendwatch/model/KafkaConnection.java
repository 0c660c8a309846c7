package trendwatch.model;

import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Where the Kafka cluster is and how to reach it: the bootstrap servers plus client settings every client
 * of the pipeline shares (security protocol, SASL, TLS trust stores), read from {@code --kafka-config FILE}.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientSettings) {

    public KafkaConnection {
        clientSettings = Map.copyOf(new TreeMap<>(clientSettings));
    }

    /** A plaintext connection with no extra settings. */
    public static KafkaConnection of(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /** The shared settings and the bootstrap servers, for a client to add its own settings to. */
    public Properties properties() {
        Properties p = new Properties();
        p.putAll(clientSettings);
        p.put("bootstrap.servers", bootstrapServers);
        return p;
    }

    /** Names the settings but not their values: they may hold passwords. */
    @Override
    public String toString() {
        return "KafkaConnection[" + bootstrapServers + ", settings " + clientSettings.keySet() + "]";
    }
}
