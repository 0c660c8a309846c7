package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Json;

/**
 * {@code trendwatch submit} against a loopback server that answers as the pipeline does and keeps what it was sent:
 * bad input is refused in one line with exit 2 before anything is sent.
 */
class SubmitCommandTest {

    @TempDir
    Path dir;
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/articles", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                received.add(Json.MAPPER.readTree(in.readAllBytes()));
                byte[] answer = "{\"articleId\":\"0123456789abcdef\",\"outcome\":\"published\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldRefuseABinaryFileAsParseAndTheInboxDo() throws IOException {
        Path binary = Files.write(dir.resolve("bin.md"), new byte[] {'#', ' ', 'a', 'b', 'c', '\n', 0, 7, -1, 3});

        CommandLineRunner result = submit(binary.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("trendwatch submit: " + binary
                + ": binary content (NUL byte at offset 6)");
        assertThat(received).isEmpty();
    }

    @Test
    void shouldRefuseAFolderInOneLine() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("drafts"));

        CommandLineRunner result = submit(folder.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("trendwatch submit: " + folder + ": a folder, not a file");
        assertThat(received).isEmpty();
    }

    @Test
    void shouldRefuseAnApiAddressThatIsNotAnHttpUrl() throws IOException {
        Path file = Files.writeString(dir.resolve("note.md"), "Solid-state batteries are close.");

        CommandLineRunner result = CommandLineRunner.run("submit", "--api", "notaurl", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("trendwatch submit: --api notaurl: not an http or https URL"
                + " (for example http://localhost:8080)");
    }

    /** The file is read as the inbox reads it (sidecar included) and sent with its identity, its path and host. */
    @Test
    void shouldSendTheFileWithItsSidecarAndItsIdentity() throws IOException {
        Path file = Files.writeString(dir.resolve("note.md"), "# Batteries\n\nSolid-state batteries are close.");
        Files.writeString(dir.resolve("note.md.meta.yaml"), "author: Ann\npublishedAt: 2025-02-03T09:00:00+08:00\n");

        CommandLineRunner result = submit(file.toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.out().lines()).containsExactly(file + ": published as article 0123456789abcdef");
        assertThat(received).singleElement().satisfies(sent -> {
            assertThat(sent.get("title").asText()).isEqualTo("Batteries");
            assertThat(sent.get("body").asText()).isEqualTo("Solid-state batteries are close.");
            assertThat(sent.get("author").asText()).isEqualTo("Ann");
            assertThat(sent.get("publishedAt").asText()).isEqualTo("2025-02-03T01:00:00Z");
            assertThat(sent.get("ref").asText()).startsWith("file://").endsWith(file.toRealPath().toString());
        });
    }

    @Test
    void shouldRefuseAUrlOtherThanHttpAsParseDoesInsteadOfLookingForAFile() {
        CommandLineRunner submitted = submit("ftp://example.com/a");
        CommandLineRunner parsed = CommandLineRunner.run("parse", "ftp://example.com/a");

        assertThat(submitted.exitCode()).isEqualTo(2);
        assertThat(submitted.err().lines()).containsExactly(
                "trendwatch submit: ftp://example.com/a: only http and https URLs can be fetched");
        assertThat(parsed.err().lines()).containsExactly(
                "trendwatch parse: ftp://example.com/a: only http and https URLs can be fetched");
        assertThat(received).isEmpty();
    }

    @Test
    void shouldNameAMalformedUrlOnceWithTheReason() {
        CommandLineRunner result = submit("http://exa mple.com/");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "trendwatch submit: http://exa mple.com/: not a valid URL: Illegal character in authority at index 7");
        assertThat(received).isEmpty();
    }

    /** The pipeline passes on the fetcher's reason, which starts with the URL; the line names it once. */
    @Test
    void shouldNameTheUrlOnceWhenThePipelineRefusesIt() {
        String url = "http://127.0.0.1:18080/";
        server.removeContext("/api/articles");
        server.createContext("/api/articles", exchange -> {
            try (exchange) {
                byte[] answer = ("{\"error\":\"" + url + ": the host 127.0.0.1 resolves to the non-public address"
                        + " 127.0.0.1\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(400, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });

        CommandLineRunner result = submit(url);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("trendwatch submit: " + url
                + ": the host 127.0.0.1 resolves to the non-public address 127.0.0.1");
    }

    private CommandLineRunner submit(String input) {
        return CommandLineRunner.run("submit", "--api", "http://127.0.0.1:" + server.getAddress().getPort(), input);
    }
}
