package trendwatch.classify.label;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Puts paragraphs and taxonomy words into one form, so that matching them is a plain comparison of chars:
 * NFKC (full-width letters and digits become half-width, compatibility ligatures are split), lower case,
 * hyphens read as spaces ("self-driving" is "self driving"), invisible format characters dropped (a zero-width
 * space must not split a word) and runs of whitespace collapsed to one space.
 */
final class TextNormalizer {

    /** A paragraph is judged on its first 1 Mi chars: bounds the time and memory one hostile input can take. */
    static final int MAX_CHARS = 1 << 20;

    private static final char[] EMPTY = new char[0];

    private TextNormalizer() {
    }

    static char[] normalize(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        String nfkc = Normalizer.normalize(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text,
                Normalizer.Form.NFKC);
        char[] out = new char[nfkc.length()];
        int n = 0;
        boolean afterSpace = true;
        for (int i = 0; i < nfkc.length(); ) {
            int cp = nfkc.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                continue;
            }
            if (isSeparator(cp)) {
                if (!afterSpace) {
                    out[n++] = ' ';
                    afterSpace = true;
                }
                continue;
            }
            // Character.toLowerCase is locale-independent (like toLowerCase(Locale.ROOT)) and maps one code point
            // to one, so no intermediate String is needed.
            int lower = Character.toLowerCase(cp);
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length + 16);
            }
            n += Character.toChars(lower, out, n);
            afterSpace = false;
        }
        if (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** The text form of a taxonomy word: the same normalisation, as a String key for the trie. */
    static String normalizeWord(String word) {
        return new String(normalize(word));
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
    }
}
