package trendwatch.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trendwatch.classify.context.DocumentContext;
import trendwatch.classify.label.Labeler;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.RejectedFileException;
import trendwatch.ingest.extract.TextExtractor;
import trendwatch.model.Json;
import trendwatch.model.Label;
import trendwatch.model.Paragraphs;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * {@code trendwatch label}: labels text without Kafka, one JSON object per paragraph. A bad input is reported
 * on stderr with its name and reason, the others go on, and the exit code is then 2.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Label files (or - for standard input) without Kafka; prints one JSON object per paragraph.")
final class LabelCommand implements Callable<Integer> {

    private static final String STDIN = "-";

    @Spec
    CommandSpec spec;

    @Option(names = "--jsonl", description = "Each input line is {\"id\",\"text\"}, labeled as one paragraph.")
    boolean jsonl;

    @Option(names = "--taxonomy", paramLabel = "FILE", description = "A taxonomy YAML file instead of the default.")
    Path taxonomyFile;

    @Parameters(arity = "1..*", paramLabel = "PATH|-", description = "Files to label; - reads standard input.")
    List<String> inputs;

    private final FileArticleReader files = new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES,
            Clock.systemUTC());
    private Labeler labeler;
    private DocumentContext context;
    private boolean anyBad;

    @Override
    public Integer call() throws IOException {
        Taxonomy taxonomy = taxonomyFile == null ? Taxonomy.loadDefault() : Taxonomy.load(taxonomyFile);
        labeler = new Labeler(taxonomy);
        context = new DocumentContext(taxonomy);
        PrintWriter out = spec.commandLine().getOut();
        for (String input : inputs) {
            try {
                label(input, out);
            } catch (NoSuchFileException e) {
                bad(input + ": no such file");
            } catch (CharacterCodingException e) { // its message alone says "Input length = 1"
                bad(input + ": not UTF-8 text (convert it first, e.g. iconv -f GBK -t UTF-8)");
            } catch (IOException e) {
                bad(input + ": cannot read: " + e.getMessage());
            }
        }
        out.flush();
        return anyBad ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private void label(String input, PrintWriter out) throws IOException {
        if (Files.isDirectory(Path.of(input))) {
            bad(input + ": is a directory");
            return;
        }
        if (jsonl) {
            labelLines(input, out);
        } else {
            labelArticle(input, out);
        }
    }

    /** A file is an article: read, refused and labeled in context exactly as the pipeline would. */
    private void labelArticle(String input, PrintWriter out) throws IOException {
        String name = input.equals(STDIN) ? "stdin.txt" : Path.of(input).getFileName().toString();
        String text;
        try {
            text = input.equals(STDIN) ? files.text(Path.of(STDIN), stdin()) : files.text(Path.of(input));
        } catch (RejectedFileException e) {
            bad(input + ": " + e.reason());
            return;
        }
        List<String> paragraphs = Paragraphs.split(TextExtractor.extract(name, text).body());
        Optional<String> tooLong = Paragraphs.findTooLong(paragraphs);
        if (tooLong.isPresent()) {
            bad(input + ": " + tooLong.get());
            return;
        }
        List<List<Label>> labels = context.apply(paragraphs, paragraphs.stream().map(labeler::label).toList());
        for (int i = 0; i < paragraphs.size(); i++) {
            print(out, null, input, i, paragraphs.get(i), labels.get(i));
        }
    }

    private void labelLines(String input, PrintWriter out) throws IOException {
        try (BufferedReader lines = reader(input)) {
            int number = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!line.isBlank()) {
                    labelLine(input, number, line, out);
                }
            }
        }
    }

    private void labelLine(String input, int number, String line, PrintWriter out) throws JsonProcessingException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            bad(input + ":" + number + ": not valid JSON: " + e.getOriginalMessage());
            return;
        }
        if (node == null || !node.isObject() || !node.path("text").isTextual()) {
            bad(input + ":" + number + ": expected an object with a \"text\" string");
            return;
        }
        JsonNode id = node.get("id");
        String text = node.get("text").asText();
        Optional<String> tooLong = Paragraphs.findTooLong(text);
        if (tooLong.isPresent()) {
            bad(input + ":" + number + ": the text " + tooLong.get());
            return;
        }
        print(out, id == null || id.isNull() ? null : id, input, number - 1, text, labeler.label(text));
    }

    private void print(PrintWriter out, JsonNode id, String source, int index, String text, List<Label> labels)
            throws JsonProcessingException {
        Map<String, Object> row = new LinkedHashMap<>();
        if (id != null) {
            row.put("id", id);
        }
        row.put("source", source);
        row.put("index", index);
        row.put("text", text);
        row.put("labels", labels);
        out.println(Json.MAPPER.writeValueAsString(row));
    }

    private void bad(String message) {
        anyBad = true;
        spec.commandLine().getErr().println("trendwatch label: " + message);
    }

    /** One byte more than the pipeline takes, so that the size check sees a larger input as too large. */
    private static byte[] stdin() throws IOException {
        return System.in.readNBytes(Math.toIntExact(FileArticleReader.DEFAULT_MAX_BYTES + 1));
    }

    private static BufferedReader reader(String input) throws IOException {
        return input.equals(STDIN) ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
    }
}
