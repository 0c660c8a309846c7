package trendwatch.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A YAML syntax error as a user can find it in a file they wrote (the taxonomy, the sources list): the line the
 * parser stopped at and what it found there, with the construct it was in. SnakeYAML's own mark is used where there
 * is one, because Jackson's location is that of the last token it read, often lines before the mistake.
 *
 * @param line 1-based, or 0 when unknown
 */
public record YamlSyntaxError(int line, String reason) {

    public static YamlSyntaxError of(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            return new YamlSyntaxError(marked.getProblemMark().getLine() + 1,
                    "not valid YAML: " + firstLine(marked.getProblem()) + context(marked));
        }
        JsonLocation where = e.getLocation();
        return new YamlSyntaxError(where == null || where.getLineNr() < 1 ? 0 : where.getLineNr(),
                "not valid YAML: " + firstLine(e.getOriginalMessage()));
    }

    /** " (while parsing a flow mapping from line 2)": where the construct the mistake broke began. */
    private static String context(MarkedYAMLException e) {
        if (e.getContext() == null) {
            return "";
        }
        return " (" + e.getContext() + (e.getContextMark() == null ? "" : " from line "
                + (e.getContextMark().getLine() + 1)) + ")";
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
