package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code tail} without a broker to talk to; with one, {@link TailCommandIT}. */
class TailCommandTest {

    @Test
    void shouldSayWhenNoKafkaAnswersInsteadOfWaitingSilently() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket()) { // a port nothing listens on once it is closed
            probe.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
            port = probe.getLocalPort();
        }

        CommandLineRunner result = CommandLineRunner.run("tail", "--bootstrap-servers", "localhost:" + port);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().lines()).singleElement().asString().isEqualTo("trendwatch tail: cannot reach Kafka"
                + " at localhost:" + port + " within 15 s: is the pipeline running (./trendwatch run)?");
    }

    @Test
    void shouldRejectBootstrapServersThatAreNotHostAndPort() {
        CommandLineRunner result = CommandLineRunner.run("tail", "--bootstrap-servers", "notahostport");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("trendwatch tail: --bootstrap-servers 'notahostport': 'notahostport' is not HOST:PORT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "0"})
    void shouldRejectAMaxBelowOneBeforeLookingForKafka(String max) {
        // no broker listens on port 1: reaching for one would fail with exit code 1, not 2
        CommandLineRunner result = CommandLineRunner.run("tail", "--bootstrap-servers", "localhost:1", "--max", max);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("trendwatch tail: --max " + max + ": must be 1 or more");
    }
}
