package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.ingest.FileArticleReader;
import trendwatch.model.Json;
import trendwatch.model.Paragraphs;

class LabelCommandTest {

    private static final String SEED = "../seeds/000_e66a1ed0cdcaae93.txt";

    @TempDir
    Path dir;

    @Test
    void shouldPrintOneObjectPerParagraphOfTheSeedCoveringItsSixSectors() throws Exception {
        CommandLineRunner result = CommandLineRunner.run("label", SEED);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        List<JsonNode> rows = rows(result.out());
        assertThat(rows).hasSizeGreaterThan(50);
        Set<String> sectors = new TreeSet<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            assertThat(row.get("source").asText()).isEqualTo(SEED);
            assertThat(row.get("index").asInt()).isEqualTo(i);
            assertThat(row.get("text").asText()).isNotBlank();
            row.get("labels").forEach(label -> {
                sectors.add(label.get("sector").asText());
                assertThat(label.get("score").asDouble()).isBetween(0.0, 1.0);
                assertThat(label.get("evidence")).isNotEmpty();
            });
        }
        assertThat(sectors).containsExactlyInAnyOrder("space", "robots", "chips", "batteries", "driving", "biomed");
    }

    @Test
    void shouldLabelStandardInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("宁德时代发布固态电池，能量密度大幅提升。\n\n今天天气很好。"
                    .getBytes(StandardCharsets.UTF_8)));
            CommandLineRunner result = CommandLineRunner.run("label", "-");

            assertThat(result.exitCode()).isZero();
            List<JsonNode> rows = rows(result.out());
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("source").asText()).isEqualTo("-");
            assertThat(rows.get(0).get("labels").get(0).get("sector").asText()).isEqualTo("batteries");
            assertThat(rows.get(1).get("labels")).isEmpty();
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void shouldEchoIdsOfJsonLinesAndReportABadLineWithoutStopping() throws Exception {
        Path input = Files.writeString(dir.resolve("in.jsonl"), String.join("\n",
                "{\"id\":\"p1\",\"text\":\"Nvidia's inference GPUs sold out again.\"}",
                "{broken",
                "{\"id\":7,\"text\":\"A quiet day at the park.\"}",
                "{\"id\":\"no-text\"}"));

        CommandLineRunner result = CommandLineRunner.run("label", "--jsonl", input.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        List<JsonNode> rows = rows(result.out());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("id").asText()).isEqualTo("p1");
        assertThat(rows.get(0).get("labels").get(0).get("sector").asText()).isEqualTo("chips");
        assertThat(rows.get(1).get("id").asInt()).isEqualTo(7);
        assertThat(result.err().lines()).containsExactly(
                "trendwatch label: " + input + ":2: not valid JSON: " + firstLineOfJacksonError(),
                "trendwatch label: " + input + ":4: expected an object with a \"text\" string");
    }

    @Test
    void shouldNameAMissingFileAndStillLabelTheOthers() {
        CommandLineRunner result = CommandLineRunner.run("label", "no/such/file.md", SEED);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("trendwatch label: no/such/file.md: no such file");
        assertThat(rows(result.out())).isNotEmpty();
    }

    @Test
    void shouldSayAFileIsNotUtf8InsteadOfTheDecodersInputLength() throws Exception {
        Path gbk = Files.write(dir.resolve("gbk.txt"), "固态电池量产".getBytes("GBK"));

        CommandLineRunner result = CommandLineRunner.run("label", gbk.toString(), SEED);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).isEqualTo("trendwatch label: " + gbk + ": binary content (not UTF-8 text)");
        assertThat(rows(result.out())).isNotEmpty();
    }

    /** submit, parse and a watched folder refuse these files; label says so in the same words, exit code 2. */
    @Test
    void shouldRefuseAnEmptyABinaryAndAnOversizedFileAsThePipelineDoes() throws Exception {
        Path empty = Files.write(dir.resolve("empty.md"), new byte[0]);
        Path binary = Files.write(dir.resolve("image.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        Path big = Files.writeString(dir.resolve("big.md"), "x".repeat(Math.toIntExact(
                FileArticleReader.DEFAULT_MAX_BYTES + 1)));

        CommandLineRunner result = CommandLineRunner.run("label", empty.toString(), binary.toString(),
                big.toString(), SEED);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly(
                "trendwatch label: " + empty + ": empty file",
                "trendwatch label: " + binary + ": binary content (NUL byte at offset 4)",
                "trendwatch label: " + big + ": size of 5242881 bytes exceeds the cap of 5242880 bytes");
        assertThat(rows(result.out())).extracting(row -> row.get("source").asText()).containsOnly(SEED);
    }

    @Test
    void shouldRefuseEmptyStandardInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(new byte[0]));
            CommandLineRunner result = CommandLineRunner.run("label", "-");

            assertThat(result.exitCode()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("trendwatch label: -: empty file");
        } finally {
            System.setIn(stdin);
        }
    }

    /** Classify sends such an article to the dead-letter topic, so label may not show labels for it either. */
    @Test
    void shouldRefuseAFileWithAParagraphLongerThanClassifyTakes() throws Exception {
        String paragraph = "Solid-state batteries again. ".repeat(Paragraphs.MAX_CHARS / 29 + 1).strip();
        Path file = Files.writeString(dir.resolve("dump.md"), "A short first paragraph.\n\n" + paragraph);

        CommandLineRunner result = CommandLineRunner.run("label", file.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).isEqualTo("trendwatch label: " + file + ": paragraph 1 has "
                + paragraph.length() + " characters, more than the " + Paragraphs.MAX_CHARS + " a paragraph may have");
    }

    @Test
    void shouldRefuseAJsonLineWhoseTextIsLongerThanAParagraphMayBe() throws Exception {
        String text = "x".repeat(Paragraphs.MAX_CHARS + 1);
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"id\":\"long\",\"text\":\"" + text + "\"}\n"
                + "{\"id\":\"short\",\"text\":\"A quiet day.\"}");

        CommandLineRunner result = CommandLineRunner.run("label", "--jsonl", input.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(rows(result.out())).extracting(row -> row.get("id").asText()).containsExactly("short");
        assertThat(result.err().strip()).isEqualTo("trendwatch label: " + input + ":1: the text has "
                + text.length() + " characters, more than the " + Paragraphs.MAX_CHARS + " a paragraph may have");
    }

    @Test
    void shouldRejectUsageWithoutInputsWithExitCodeTwo() {
        assertThat(CommandLineRunner.run("label").exitCode()).isEqualTo(2);
    }

    private static String firstLineOfJacksonError() {
        try {
            Json.MAPPER.readTree("{broken");
            return "";
        } catch (Exception e) {
            return ((com.fasterxml.jackson.core.JsonProcessingException) e).getOriginalMessage();
        }
    }

    private static List<JsonNode> rows(String out) {
        return out.lines().map(line -> {
            try {
                return Json.MAPPER.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
    }
}
