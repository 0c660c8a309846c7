package trendwatch.classify.label;

import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;

/**
 * The per-character part of normalisation, precomputed for every BMP char so that normalising a paragraph is one
 * array lookup per char: NFKC, locale-independent lower case, traditional to simplified Chinese (自動駕駛 reads as
 * 自动驾驶), whitespace and hyphens read as a space, invisible format characters dropped.
 *
 * <p>Characters whose NFKC form is longer than one char (ﬁ, ㎏, ①), combining marks, and surrogates cannot be
 * folded alone; the table sends them to {@link TextNormalizer}'s slower segment path, which NFKC-normalises the
 * whole combining sequence (ICU guarantees text may be split at a boundary-before and normalised piecewise).
 *
 * <p>Built lazily on first use (under a second, mostly ICU's transliterator run once per Han char, measured 0.8 s),
 * then shared read-only by all threads; 192 KiB.
 */
final class FoldTable {

    /** Marks a char that needs the segment path. U+FFFF itself is a noncharacter, so it is sent there too. */
    static final char SLOW = '\uffff';
    /** Marks a char that disappears (zero-width space, soft hyphen, BOM). */
    static final char DROP = '\ufffe';
    /** What {@link #fold(int)} returns for a code point that disappears. */
    static final int DROPPED = -1;

    static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    private FoldTable() {
    }

    /** The folded char for {@code c}, or {@link #SLOW} or {@link #DROP}. */
    static char map(char c) {
        return Tables.MAP[c];
    }

    /** Whether {@code c} may combine with the char before it, so the two must be normalised together. */
    static boolean joinsPrevious(char c) {
        return Tables.JOINS_PREVIOUS[c];
    }

    /**
     * Folds one code point that is already in NFKC: {@link #DROPPED}, a space for any separator, otherwise its
     * lower case, then its simplified form.
     */
    static int fold(int cp) {
        return fold(cp, Tables.T2S);
    }

    private static int fold(int cp, char[] t2s) {
        if (Character.getType(cp) == Character.FORMAT) {
            return DROPPED;
        }
        if (isSeparator(cp)) {
            return ' ';
        }
        int lower = Character.toLowerCase(cp);
        return lower < t2s.length ? t2s[lower] : lower;
    }

    private static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)
                || cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
    }

    /** Holder idiom: the tables are built by the first thread that needs them, safely published by class init. */
    private static final class Tables {
        static final char[] T2S = traditionalToSimplified();
        static final boolean[] JOINS_PREVIOUS = joinsPrevious();
        static final char[] MAP = map(T2S, JOINS_PREVIOUS);

        private static char[] traditionalToSimplified() {
            Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                table[c] = (char) c;
                if (Character.isIdeographic(c)) {
                    String simplified = toSimplified.transliterate(String.valueOf((char) c));
                    // Only one-to-one char mappings belong in a char table; ICU's Hant-Hans has no others in the BMP.
                    if (simplified.length() == 1) {
                        table[c] = simplified.charAt(0);
                    }
                }
            }
            return table;
        }

        private static boolean[] joinsPrevious() {
            boolean[] table = new boolean[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                table[c] = Character.isSurrogate((char) c) || !NFKC.hasBoundaryBefore(c);
            }
            return table;
        }

        private static char[] map(char[] t2s, boolean[] joinsPrevious) {
            char[] table = new char[Character.MAX_VALUE + 1];
            for (int c = 0; c <= Character.MAX_VALUE; c++) {
                table[c] = SLOW;
                if (joinsPrevious[c] || c == SLOW || c == DROP) {
                    continue;
                }
                String nfkc = NFKC.normalize(String.valueOf((char) c));
                if (nfkc.length() == 1) {
                    int folded = fold(nfkc.charAt(0), t2s);
                    table[c] = folded == DROPPED ? DROP : folded <= Character.MAX_VALUE ? (char) folded : SLOW;
                } else if (nfkc.isEmpty()) {
                    table[c] = DROP;
                }
            }
            return table;
        }
    }
}
