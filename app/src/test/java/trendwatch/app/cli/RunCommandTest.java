package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldFailAtOnceWithOneLineWhenTheKafkaPortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getByName("localhost"), 0));
            int port = taken.getLocalPort();

            CommandLineRunner result = CommandLineRunner.run("run", "--kafka-port", Integer.toString(port),
                    "--data-dir", dataDir.toString(), "--port", "0");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.err().lines()).singleElement().asString()
                    .startsWith("trendwatch run: port " + port + " (Kafka) is in use");
        }
    }

    @Test
    void shouldRejectAMalformedTaxonomyFileWithExitCodeTwo() throws Exception {
        Path taxonomy = java.nio.file.Files.writeString(dataDir.resolve("bad.yaml"), "sectors: [\n");

        CommandLineRunner result = CommandLineRunner.run("run", "--taxonomy", taxonomy.toString(),
                "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("bad.yaml");
    }

    @Test
    void shouldRequireBootstrapServersForASingleStage() {
        CommandLineRunner result = CommandLineRunner.run("classify");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--bootstrap-servers is required");
    }

    @Test
    void shouldRejectATimeToForgetArticlesAfterThatIsNoDurationWithExitCodeTwo() {
        CommandLineRunner result = CommandLineRunner.run("run", "--forget-articles-after", "a month",
                "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().isEqualTo("trendwatch run: --forget-articles-after:"
                + " 'a month' is not a duration such as 30s, 5m, 2h, 1d or PT5M");
    }

    @Test
    void shouldRejectATimeToForgetArticlesAfterOfZeroWithExitCodeTwo() {
        CommandLineRunner result = CommandLineRunner.run("publish", "--bootstrap-servers", "localhost:1",
                "--forget-articles-after", "0d", "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--forget-articles-after must be longer than zero and at most 36500 days,"
                + " not 0d");
    }

    @Test
    void shouldRefuseToRelabelWhilePublishForgetsArticles() {
        CommandLineRunner result = CommandLineRunner.run("run", "--relabel", "--forget-articles-after", "30d",
                "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .contains("--relabel with --forget-articles-after would count the forgotten articles twice");
    }

    @Test
    void shouldRefuseAnHttpPortTheEmbeddedBrokerTakesBeforeStartingIt() {
        for (String port : new String[] {"18083", "18084"}) { // the broker's port, then its controller's
            CommandLineRunner result = CommandLineRunner.run("run", "--port", port, "--kafka-port", "18083",
                    "--data-dir", dataDir.resolve("d").toString());

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().lines()).singleElement().asString().isEqualTo("trendwatch run: --port " + port
                    + " is taken by the embedded broker, which listens on --kafka-port 18083 and 18084: choose another");
            assertThat(dataDir.resolve("d")).doesNotExist();
        }
    }

    @Test
    void shouldNameAnUnknownHostInsteadOfCallingItsPortTaken() {
        CommandLineRunner result = CommandLineRunner.run("run", "--host", "nosuchhost.invalid",
                "--data-dir", dataDir.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("trendwatch run: --host nosuchhost.invalid: unknown host");
    }

    @Test
    void shouldRejectABadSourcesFileWithExitCodeTwoBeforeAnythingStarts() throws Exception {
        Path sources = Files.writeString(dataDir.resolve("sources.yaml"),
                "sources:\n  - id: bad\n    type: feed\n    url: ftp://x/y\n");

        CommandLineRunner result = CommandLineRunner.run("run", "--sources", sources.toString(),
                "--data-dir", dataDir.resolve("d").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("trendwatch run: sources " + sources + ", entry 1 (bad): ")
                .contains("ftp://x/y");
        assertThat(dataDir.resolve("d")).doesNotExist();
    }

    @Test
    void shouldRejectASeedsFolderThatDoesNotExist() {
        Path missing = dataDir.resolve("no-such-seeds");

        CommandLineRunner result = CommandLineRunner.run("run", "--seeds", missing.toString(),
                "--data-dir", dataDir.resolve("d").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .isEqualTo("trendwatch run: --seeds " + missing + ": no such folder");
    }

    @Test
    void shouldRejectBootstrapServersThatAreNotHostAndPort() {
        CommandLineRunner result = CommandLineRunner.run("classify", "--bootstrap-servers", "kafka-1:9092,notahostport");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().isEqualTo("trendwatch classify:"
                + " --bootstrap-servers 'kafka-1:9092,notahostport': 'notahostport' is not HOST:PORT");
    }

    @Test
    void shouldAnswerAMistypedOptionWithOneLineAndExitCodeTwo() {
        CommandLineRunner result = CommandLineRunner.run("run", "--prot", "8081");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("trendwatch run: Unknown options: '--prot', '8081'")
                .endsWith("(trendwatch run --help lists the options)");
    }

    @Test
    void shouldPrintTheVersionFromASubcommand() {
        CommandLineRunner result = CommandLineRunner.run("run", "-V");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo(Main.VERSION);
    }
}
