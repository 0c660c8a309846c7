package trendwatch.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Splits an article body into paragraphs: the contract says paragraphs are separated by blank lines. */
public final class Paragraphs {

    /**
     * The longest paragraph an article may have, in characters (about 30 printed pages). Longer is not prose but a
     * dump (a log, a table, text with its line breaks lost): its labels would mean nothing, and every sector it
     * matched would copy megabytes to its topic, so classify sends the article to the dead-letter topic instead.
     */
    public static final int MAX_CHARS = 100_000;
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

    /**
     * Why an article with these paragraphs may not be labeled ("paragraph 3 has … characters, more than …"), or
     * empty when each is within {@link #MAX_CHARS}; the one rule for classify and for {@code trendwatch label}.
     */
    public static Optional<String> findTooLong(List<String> paragraphs) {
        for (int i = 0; i < paragraphs.size(); i++) {
            Optional<String> tooLong = findTooLong(paragraphs.get(i));
            if (tooLong.isPresent()) {
                return Optional.of("paragraph " + i + " " + tooLong.get());
            }
        }
        return Optional.empty();
    }

    /** Why this one paragraph may not be labeled ("has … characters, more than …"), or empty. */
    public static Optional<String> findTooLong(String paragraph) {
        return paragraph.length() <= MAX_CHARS ? Optional.empty() : Optional.of("has " + paragraph.length()
                + " characters, more than the " + MAX_CHARS + " a paragraph may have");
    }
}
