package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Json;

/** {@code trendwatch parse} on local files: the dry run shows what ingest would publish, and names bad inputs. */
class ParseCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintTheArticlesOfFilesAndFeedsAndNameABadInput() throws Exception {
        Path page = Files.writeString(dir.resolve("page.html"), "<html><head><title>Local page</title></head><body>"
                + "<nav>Home</nav><article><p>Horizon Robotics ships chips for autonomous driving.</p></article>"
                + "</body></html>");
        Path note = Files.writeString(dir.resolve("note.md"), "# Batteries\n\nSolid-state cells are coming.");
        Path binary = Files.write(dir.resolve("picture.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Path feed = Files.writeString(dir.resolve("feed.xml"), "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                + "<title>F</title><link>https://example.com/</link><description>d</description><item><title>Starship"
                + "</title><link>https://example.com/a?utm_source=rss</link><description>SpaceX caught the booster."
                + "</description></item></channel></rss>");

        CommandLineRunner result = CommandLineRunner.run("parse", "--full-text", "never", page.toString(),
                note.toString(), binary.toString(), feed.toString(), dir.resolve("missing.md").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        List<JsonNode> rows = result.out().lines().map(ParseCommandTest::json).toList();
        assertThat(rows).extracting(r -> r.get("title").asText())
                .containsExactly("Local page", "Batteries", "Starship");
        assertThat(rows.get(0).get("body").asText()).isEqualTo("Horizon Robotics ships chips for autonomous driving.");
        assertThat(rows.get(2).get("url").asText()).isEqualTo("https://example.com/a");
        assertThat(result.err().lines()).containsExactly(
                "trendwatch parse: " + binary + ": binary content (NUL byte at offset 4)",
                "trendwatch parse: " + dir.resolve("missing.md") + ": no such file");
    }

    private static JsonNode json(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }
}
