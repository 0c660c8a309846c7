package trendwatch.classify.label;

/**
 * One key of the trie: a normalised word and every sector word that normalises to it (地平线 is a word of
 * both driving and chips). Knows whether a sighting of the key in a text stands on word boundaries.
 */
final class Entry {

    private final int id;
    private final TermRef[] refs;
    private final char first;
    private final char last;
    private final int length;

    Entry(int id, String key, TermRef[] refs) {
        this.id = id;
        this.refs = refs;
        this.first = key.charAt(0);
        this.last = key.charAt(key.length() - 1);
        this.length = key.length();
    }

    int id() {
        return id;
    }

    TermRef[] refs() {
        return refs;
    }

    /** The length of its normalised word. */
    int length() {
        return length;
    }

    /**
     * Where a sighting at [begin, end) really ends, or -1 when it is part of a longer word. Latin words must
     * not touch a letter or digit ("chip" is not in "chipotle", "H20" is not in "H200"), but a digit may touch
     * a letter, so units and model names match ("260Wh/kg", "8GPU"); an English word may end in -s/-es.
     * Chinese has no word boundaries: there, negative contexts do that work.
     */
    int matchEnd(char[] text, int begin, int end) {
        if (isWordChar(first) && begin > 0 && joins(first, text[begin - 1])) {
            return -1;
        }
        if (!isWordChar(last) || end == text.length || !joins(last, text[end])) {
            return end;
        }
        if (last >= 'a' && last <= 'z') {
            if (text[end] == 's' && endsWord(text, end + 1)) {
                return end + 1;
            }
            if (text[end] == 'e' && end + 1 < text.length && text[end + 1] == 's' && endsWord(text, end + 2)) {
                return end + 2;
            }
        }
        return -1;
    }

    private static boolean endsWord(char[] text, int at) {
        return at == text.length || !joins('s', text[at]);
    }

    private static boolean joins(char edge, char neighbour) {
        return isWordChar(neighbour) && Character.isDigit(neighbour) == Character.isDigit(edge);
    }

    /** Letters and digits of the scripts that separate words with spaces (everything below the CJK blocks). */
    private static boolean isWordChar(char c) {
        return c < 0x3000 && Character.isLetterOrDigit(c);
    }
}
