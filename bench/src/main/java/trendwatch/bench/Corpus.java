package trendwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import trendwatch.model.Json;

/**
 * Real mixed Chinese and English paragraphs for the benchmarks: the seed article's lines and the texts of
 * the hand-labeled evaluation sets, read from the project checkout.
 */
final class Corpus {

    private Corpus() {
    }

    static List<String> paragraphs(Path root) throws IOException {
        List<String> paragraphs = new ArrayList<>();
        try (DirectoryStream<Path> seeds = Files.newDirectoryStream(root.resolve("seeds"), "*.txt")) {
            for (Path seed : seeds) {
                Files.readAllLines(seed, StandardCharsets.UTF_8).stream()
                        .map(String::strip).filter(line -> line.length() >= 20 && !line.contains("](")).forEach(paragraphs::add);
            }
        }
        Path eval = root.resolve("classify/src/test/resources/eval");
        if (Files.isDirectory(eval)) {
            try (DirectoryStream<Path> sets = Files.newDirectoryStream(eval, "*.jsonl")) {
                for (Path set : sets) {
                    for (String line : Files.readAllLines(set, StandardCharsets.UTF_8)) {
                        if (!line.isBlank()) {
                            paragraphs.add(Json.MAPPER.readTree(line).path("text").asText());
                        }
                    }
                }
            }
        }
        if (paragraphs.isEmpty()) {
            throw new IOException("no paragraphs found under " + root.toAbsolutePath() + "; run from the project root");
        }
        return paragraphs;
    }

    static double hanShare(List<String> paragraphs) {
        long han = 0;
        long letters = 0;
        for (String p : paragraphs) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    han += Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN ? 1 : 0;
                }
            }
        }
        return letters == 0 ? 0 : (double) han / letters;
    }
}
