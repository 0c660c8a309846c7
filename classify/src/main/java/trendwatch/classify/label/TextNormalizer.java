package trendwatch.classify.label;

/**
 * Puts paragraphs and taxonomy words into one form, so that matching them is a plain comparison of chars:
 * NFKC (full-width letters and digits become half-width, compatibility ligatures are split), lower case,
 * traditional Chinese as simplified (自動駕駛 is 自动驾驶), hyphens read as spaces ("self-driving" is
 * "self driving"), invisible format characters dropped (a zero-width space must not split a word) and runs of
 * whitespace collapsed to one space. Remembers where each normalised char came from, so evidence can point into
 * the paragraph as published.
 *
 * <p>Almost every char is folded by one lookup in {@link FoldTable}; only combining sequences, surrogate pairs
 * and chars whose NFKC form is longer go through ICU's normaliser, one small segment at a time.
 */
final class TextNormalizer {

    /** A paragraph is judged on its first 1 Mi chars: bounds the time and memory one hostile input can take. */
    static final int MAX_CHARS = 1 << 20;

    private TextNormalizer() {
    }

    static NormalizedText normalize(String text) {
        if (text == null || text.isEmpty()) {
            return NormalizedText.EMPTY;
        }
        int length = Math.min(text.length(), MAX_CHARS);
        NormalizedText.Builder out = new NormalizedText.Builder(length);
        int i = 0;
        while (i < length) {
            char folded = FoldTable.map(text.charAt(i));
            if (folded != FoldTable.SLOW && (i + 1 == length || !FoldTable.joinsPrevious(text.charAt(i + 1)))) {
                if (folded != FoldTable.DROP) {
                    out.linear(folded, i);
                }
                i++;
            } else {
                i = segment(text, i, length, out);
            }
        }
        return out.build();
    }

    /** The text form of a taxonomy word: the same normalisation, as a String key for the trie. */
    static String normalizeWord(String word) {
        return new String(normalize(word).chars());
    }

    /** Normalises the combining sequence that starts at {@code start}; returns where it ends. */
    private static int segment(String text, int start, int length, NormalizedText.Builder out) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < length && !FoldTable.NFKC.hasBoundaryBefore(text.codePointAt(end))) {
            end += Character.charCount(text.codePointAt(end));
        }
        end = Math.min(end, length);
        String nfkc = FoldTable.NFKC.normalize(text.subSequence(start, end));
        for (int k = 0; k < nfkc.length(); ) {
            int cp = FoldTable.fold(nfkc.codePointAt(k));
            k += Character.charCount(nfkc.codePointAt(k));
            if (cp == FoldTable.DROPPED) {
                continue;
            }
            if (Character.isBmpCodePoint(cp)) {
                out.segment((char) cp, start, end);
            } else {
                out.segment(Character.highSurrogate(cp), start, end);
                out.segment(Character.lowSurrogate(cp), start, end);
            }
        }
        return end;
    }
}
