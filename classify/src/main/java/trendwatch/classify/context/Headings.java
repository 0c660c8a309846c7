package trendwatch.classify.context;

/**
 * Tells a heading from a paragraph by its shape alone, because extraction has already dropped the Markdown or
 * HTML that said so: a heading is short and is not a sentence ("推理芯片：预训练将死，必须开拓第二战线",
 * "Solid-state batteries: the race to mass production").
 */
final class Headings {

    /** Longer than this is prose, in either script (about 12 English words, or a long Chinese title). */
    static final int MAX_CHARS = 80;

    private Headings() {
    }

    static boolean isHeading(String text) {
        String line = text.strip();
        if (line.isEmpty() || line.codePointCount(0, line.length()) > MAX_CHARS) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if (endsSentence(line, i)) {
                return false;
            }
        }
        return !leadsOn(line.charAt(line.length() - 1));
    }

    /**
     * Whether the char at {@code i} ends a sentence. A full stop ends one only before a space or at the end, so
     * that "Pony.ai" and "3.5" stay headings.
     */
    private static boolean endsSentence(String line, int i) {
        char c = line.charAt(i);
        if (c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；') {
            return true;
        }
        return (c == '.' || c == ';') && (i + 1 == line.length() || Character.isWhitespace(line.charAt(i + 1)));
    }

    /** A line ending in a comma or colon leads into what follows ("报告是这样说的："), so it is not a heading. */
    private static boolean leadsOn(char last) {
        return last == ',' || last == '，' || last == ':' || last == '：' || last == '、';
    }
}
