package trendwatch.classify;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Splits an article body into paragraphs: the contract says paragraphs are separated by blank lines. */
public final class Paragraphs {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n\\s*\\n");

    private Paragraphs() {
    }

    public static List<String> split(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        return Arrays.stream(BLANK_LINES.split(body.replace("\r\n", "\n")))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }
}
