package trendwatch.classify.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import trendwatch.model.Json;

/**
 * Reads an evaluation set: JSON lines {@code {"text": "...", "labels": ["chips", ...]}}, with an optional
 * {@code "id"} and {@code "hard": true} for hard negatives. A label may also be an object with a
 * {@code "sector"} field (the output of {@code trendwatch label} is accepted as is).
 */
public final class EvaluationSet {

    private EvaluationSet() {
    }

    /** Thrown for a line that is not a labeled paragraph; names the source and line. */
    public static final class BadLineException extends IOException {

        private static final long serialVersionUID = 1L;

        BadLineException(String source, int line, String reason) {
            super(source + ":" + line + ": " + reason);
        }
    }

    public static List<LabeledExample> read(String source, BufferedReader lines) throws IOException {
        List<LabeledExample> examples = new ArrayList<>();
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            if (!line.isBlank()) {
                examples.add(parse(source, number, line));
            }
        }
        return examples;
    }

    private static LabeledExample parse(String source, int number, String line) throws BadLineException {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new BadLineException(source, number, "not valid JSON: " + e.getOriginalMessage());
        }
        if (!node.isObject() || !node.path("text").isTextual() || !node.path("labels").isArray()) {
            throw new BadLineException(source, number, "expected {\"text\": string, \"labels\": [...]}");
        }
        Set<String> labels = new LinkedHashSet<>();
        for (JsonNode label : node.get("labels")) {
            JsonNode sector = label.isObject() ? label.get("sector") : label;
            if (sector == null || !sector.isTextual()) {
                throw new BadLineException(source, number, "a label must be a sector id or {\"sector\": id}");
            }
            labels.add(sector.asText());
        }
        String id = node.hasNonNull("id") ? node.get("id").asText() : source + ":" + number;
        return new LabeledExample(id, node.get("text").asText(), labels, node.path("hard").asBoolean(false));
    }
}
