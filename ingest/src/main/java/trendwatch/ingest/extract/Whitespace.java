package trendwatch.ingest.extract;

import java.util.regex.Pattern;

/** Whitespace clean-up shared by the Markdown and the HTML paths. */
final class Whitespace {

    /** Every line-break convention, so the rest of the code only ever sees "\n". */
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");

    /**
     * Spaces that render like ' ' but defeat trimming and matching: tabs, NBSP (pasted from web
     * pages), the full-width ideographic space (CJK editors indent with it), thin and em spaces.
     */
    private static final Pattern ODD_SPACES =
            Pattern.compile("[\\t\\x0B\\f\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000]");

    /**
     * Invisible characters editors leave behind: zero-width space, word joiner, BOM, soft hyphen.
     * Zero-width (non-)joiners stay: scripts and emoji sequences need them.
     */
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200B\\u2060\\uFEFF]");

    private static final Pattern SPACE_RUNS = Pattern.compile(" {2,}");

    private Whitespace() {
    }

    /** Whether {@code text} holds nothing {@link #normalise} would change: none of the characters above. */
    static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' ? c != '\n' : c >= '\u0085' && special(c)) {
                return false;
            }
        }
        return true;
    }

    /** The non-ASCII characters of the patterns above (WhitespaceTest checks every char against them). */
    private static boolean special(char c) {
        return switch (c) {
            case '\u0085', '\u2028', '\u2029', '\u00A0', '\u1680', '\u202F', '\u205F', '\u3000', '\u00AD', '\u200B',
                    '\u2060', '\uFEFF' -> true;
            default -> c >= '\u2000' && c <= '\u200A';
        };
    }

    /** Unifies line breaks and spaces, keeping the line structure. */
    static String normalise(String text) {
        return plain(text) ? text : byPatterns(text); // most text: the patterns' passes changed nothing
    }

    static String byPatterns(String text) {
        String unified = LINE_BREAKS.matcher(text).replaceAll("\n");
        String spaced = ODD_SPACES.matcher(unified).replaceAll(" ");
        return INVISIBLE.matcher(spaced).replaceAll("");
    }

    /** One line or paragraph: odd spaces become one plain space, ends trimmed. */
    static String collapse(String line) {
        if (plain(line) && line.indexOf('\n') < 0 && !line.contains("  ")) {
            return line.strip();
        }
        return SPACE_RUNS.matcher(normalise(line).replace('\n', ' ')).replaceAll(" ").strip();
    }
}
