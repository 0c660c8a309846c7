package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.KafkaConnection;

class KafkaConfigFileTest {

    @TempDir
    Path dir;

    @Test
    void shouldUseTheFilesClientSettingsAndBootstrapServers() throws Exception {
        Path file = write("""
                # Confluent Cloud style
                bootstrap.servers=broker-1.example.com:9092
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\
                    username="u" password="${env:KAFKA_PASSWORD}";
                config.providers=env
                config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider
                ssl.truststore.location=/etc/kafka/truststore.jks
                """);

        KafkaConnection connection = KafkaConfigFile.connection(null, file);

        assertThat(connection.bootstrapServers()).isEqualTo("broker-1.example.com:9092");
        assertThat(connection.clientSettings()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("config.providers", "env").doesNotContainKey("bootstrap.servers")
                .hasSize(6);
        assertThat(connection.clientSettings().get("sasl.jaas.config")).endsWith("password=\"${env:KAFKA_PASSWORD}\";");
        assertThat(connection.properties()).containsEntry("bootstrap.servers", "broker-1.example.com:9092");
    }

    @Test
    void shouldLetTheCommandLineOverrideTheFilesBootstrapServers() throws Exception {
        Path file = write("bootstrap.servers=a:9092\nsecurity.protocol=SSL\n");

        assertThat(KafkaConfigFile.connection("b:9092", file).bootstrapServers()).isEqualTo("b:9092");
    }

    @Test
    void shouldUseThePlainBootstrapServersWithoutAFile() {
        assertThat(KafkaConfigFile.connection("b:9092", null)).isEqualTo(KafkaConnection.of("b:9092"));
        assertThat(KafkaConfigFile.connection(null, null)).isNull();
    }

    @Test
    void shouldNotPrintSecretsWhenTheConnectionIsLogged() throws Exception {
        Path file = write("bootstrap.servers=a:9092\nsasl.jaas.config=x required password=\"hunter2\";\n");

        assertThat(KafkaConfigFile.connection(null, file).toString()).contains("a:9092", "sasl.jaas.config")
                .doesNotContain("hunter2");
    }

    @Test
    void shouldRejectAMisspelledSetting() throws Exception {
        Path file = write("bootstrap.servers=a:9092\nsasl.mechansim=PLAIN\n");

        assertThatThrownBy(() -> KafkaConfigFile.connection(null, file)).isInstanceOf(BadInputException.class)
                .hasMessage("--kafka-config " + file + ": 'sasl.mechansim' is not a Kafka client setting");
    }

    @Test
    void shouldRejectSettingsTheExactlyOnceGuaranteeDependsOn() throws Exception {
        Path file = write("bootstrap.servers=a:9092\nisolation.level=read_uncommitted\n");

        assertThatThrownBy(() -> KafkaConfigFile.connection(null, file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("'isolation.level' is set by trendwatch itself");
    }

    @Test
    void shouldNameAMissingFile() {
        Path missing = dir.resolve("nope.properties");

        assertThatThrownBy(() -> KafkaConfigFile.connection("a:9092", missing)).isInstanceOf(BadInputException.class)
                .hasMessage("--kafka-config " + missing + ": no such file");
    }

    @Test
    void shouldRejectAFileWithoutBootstrapServersWhenNoneIsGiven() throws Exception {
        Path file = write("security.protocol=SSL\n");

        assertThatThrownBy(() -> KafkaConfigFile.connection(null, file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("give --bootstrap-servers or set bootstrap.servers in the file");
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("kafka.properties"), text);
    }
}
