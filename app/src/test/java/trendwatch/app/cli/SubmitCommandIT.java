package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.ArticleSink;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.api.SubmitHandler;
import trendwatch.ingest.api.Submitter;
import trendwatch.ingest.api.WithdrawHandler;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.Topics;
import trendwatch.model.testing.KafkaTestCluster;

/** {@code trendwatch submit} and {@code withdraw} against the real submit endpoint on loopback, publishing to a real broker. */
class SubmitCommandIT {

    @TempDir
    Path dir;
    private KafkaTestCluster kafka;
    private ArticleSink sink;
    private Fetcher fetcher;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        kafka = KafkaTestCluster.start();
        kafka.createTopics(List.of(Topics.ARTICLES_RAW.name(), Topics.INGEST_SEEN.name()), 1);
        sink = ArticleSink.open(kafka.connection(), "submit-command-it", dir.resolve("seen"));
        fetcher = new Fetcher(FetchPolicy.defaults());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/articles", new SubmitHandler(new Submitter(fetcher, sink, Clock.systemUTC()),
                FileArticleReader.DEFAULT_MAX_BYTES, null));
        server.createContext("/api/articles/", new WithdrawHandler(sink, Clock.systemUTC(), null));
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(0);
        fetcher.close();
        sink.close();
        kafka.close();
    }

    /** The README's promise: the same file always has the same id, and a changed one replaces its earlier version. */
    @Test
    void shouldKeepTheIdOfAFileSubmittedAgainAfterItWasEdited() throws Exception {
        Path file = Files.writeString(dir.resolve("robots.md"), "# Humanoids\n\nUnitree ships humanoid robots.");

        CommandLineRunner first = submit(file);
        Files.writeString(file, "# Humanoids\n\nUnitree and Figure ship humanoid robots to car factories.");
        CommandLineRunner edited = submit(file);
        CommandLineRunner again = submit(file);

        String id = first.out().strip().replaceAll(".* as article ", "");
        assertThat(first.out().lines()).containsExactly(file + ": published as article " + id);
        assertThat(edited.out().lines()).containsExactly(file + ": updated as article " + id);
        assertThat(again.out().lines()).containsExactly(file + ": unchanged as article " + id);
        List<ConsumerRecord<byte[], byte[]>> raw = kafka.readAll(Topics.ARTICLES_RAW.name());
        assertThat(raw).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).containsExactly(id, id);
        Article latest = Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize("t", raw.get(1).value());
        assertThat(latest.body()).contains("car factories");
    }

    @Test
    void shouldWithdrawBySubmitsIdOrByUrlAndSayWhyNotWithExitCodeTwo() throws Exception {
        Path file = Files.writeString(dir.resolve("robots.md"), "# Humanoids\n\nUnitree ships humanoid robots.");
        Files.writeString(dir.resolve("robots.md.meta.yaml"), "url: https://example.com/robots\n");
        String id = submit(file).out().strip().replaceAll(".* as article ", "");

        CommandLineRunner byUrl = withdraw("https://example.com/robots?utm_source=x");
        CommandLineRunner byId = withdraw(id.toUpperCase(Locale.ROOT));
        CommandLineRunner unknown = withdraw("https://example.com/never");
        CommandLineRunner notAnArticle = withdraw("robots.md");

        assertThat(byUrl.exitCode()).isZero();
        assertThat(byUrl.out().lines()).containsExactly("https://example.com/robots?utm_source=x: withdrawn (article "
                + id + ")");
        assertThat(byId.out().lines()).containsExactly(id.toUpperCase(Locale.ROOT) + ": already withdrawn (article "
                + id + ")");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("trendwatch withdraw: https://example.com/never: ingest has published no"
                + " article ");
        assertThat(notAnArticle.exitCode()).isEqualTo(2);
        assertThat(notAnArticle.err().lines()).containsExactly("trendwatch withdraw: robots.md: not an article id (16"
                + " hex digits) or an http(s) URL");
        assertThat(kafka.readAll(Topics.ARTICLES_RAW.name())).extracting(r -> r.value() == null)
                .containsExactly(false, true);
    }

    private CommandLineRunner withdraw(String article) {
        return CommandLineRunner.run("withdraw", "--api", "http://127.0.0.1:" + server.getAddress().getPort(),
                article);
    }

    private CommandLineRunner submit(Path file) {
        return CommandLineRunner.run("submit", "--api", "http://127.0.0.1:" + server.getAddress().getPort(),
                file.toString());
    }
}
