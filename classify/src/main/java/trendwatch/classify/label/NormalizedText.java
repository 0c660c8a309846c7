package trendwatch.classify.label;

import java.util.Arrays;

/**
 * A paragraph in normal form, and the way back from a normalised index to the original paragraph's offsets.
 *
 * <p>The map is compact: most chars fold one to one, so it keeps only runs. A <em>linear</em> run says "from
 * normalised index n on, char n + k came from original char o + k"; a <em>segment</em> run says "these normalised
 * chars all came from original chars [o, e)" (ﬁ became "fi", an emoji is two chars, e + U+0301 became é). A
 * paragraph of plain text with single spaces needs one run; each collapsed space, dropped char or expanded char
 * adds one or two.
 */
final class NormalizedText {

    static final NormalizedText EMPTY = new NormalizedText(new char[0], new int[] {0}, new int[] {0}, new int[] {-1}, 1);

    private final char[] chars;
    private final int[] runNorm;
    private final int[] runOrig;
    /** -1 for a linear run, else the original end of the segment the run came from. */
    private final int[] runEnd;
    private final int runs;

    NormalizedText(char[] chars, int[] runNorm, int[] runOrig, int[] runEnd, int runs) {
        this.chars = chars;
        this.runNorm = runNorm;
        this.runOrig = runOrig;
        this.runEnd = runEnd;
        this.runs = runs;
    }

    /** The normalised chars; shared, not copied, so callers must not write to it. */
    char[] chars() {
        return chars;
    }

    /** Where the original text of normalised char {@code index} begins. */
    int originalStart(int index) {
        int run = runOf(index);
        return runEnd[run] < 0 ? runOrig[run] + index - runNorm[run] : runOrig[run];
    }

    /** Where the original text of the normalised chars before {@code end} ends (end exclusive, as in substring). */
    int originalEnd(int end) {
        int run = runOf(end - 1);
        return runEnd[run] < 0 ? runOrig[run] + end - runNorm[run] : runEnd[run];
    }

    private int runOf(int index) {
        int found = Arrays.binarySearch(runNorm, 0, runs, index);
        if (found >= 0) {
            // Several runs may start at one index when chars between them were dropped; the last one holds.
            while (found + 1 < runs && runNorm[found + 1] == index) {
                found++;
            }
            return found;
        }
        return -found - 2;
    }

    /** Collects normalised chars and their runs; one per call of the normaliser. */
    static final class Builder {

        private char[] chars;
        private int length;
        private int[] runNorm = new int[4];
        private int[] runOrig = new int[4];
        private int[] runEnd = new int[4];
        private int runs;
        /** The original index the next char of the current linear run would have, or -1 inside a segment run. */
        private int nextLinear = -1;
        private boolean afterSpace = true;

        Builder(int capacity) {
            this.chars = new char[capacity];
        }

        /** Appends a char folded one-to-one from original char {@code orig}; a space after a space is skipped. */
        void linear(char c, int orig) {
            if (skips(c)) {
                return;
            }
            if (orig != nextLinear) {
                run(orig, -1);
            }
            append(c);
            nextLinear = orig + 1;
        }

        /** Appends one char of the normal form of the original segment [start, end). */
        void segment(char c, int start, int end) {
            if (skips(c)) {
                return;
            }
            if (runs == 0 || runOrig[runs - 1] != start || runEnd[runs - 1] != end) {
                run(start, end);
            }
            append(c);
            nextLinear = -1;
        }

        NormalizedText build() {
            if (length > 0 && chars[length - 1] == ' ') {
                length--;
            }
            if (runs == 0) {
                return EMPTY;
            }
            char[] exact = length == chars.length ? chars : Arrays.copyOf(chars, length);
            return new NormalizedText(exact, runNorm, runOrig, runEnd, runs);
        }

        private boolean skips(char c) {
            boolean space = c == ' ';
            if (space && afterSpace) {
                return true;
            }
            afterSpace = space;
            return false;
        }

        private void run(int orig, int end) {
            if (runs == runNorm.length) {
                runNorm = Arrays.copyOf(runNorm, runs * 2);
                runOrig = Arrays.copyOf(runOrig, runs * 2);
                runEnd = Arrays.copyOf(runEnd, runs * 2);
            }
            runNorm[runs] = length;
            runOrig[runs] = orig;
            runEnd[runs] = end;
            runs++;
        }

        private void append(char c) {
            if (length == chars.length) {
                chars = Arrays.copyOf(chars, Math.max(16, length + (length >> 1)));
            }
            chars[length++] = c;
        }
    }
}
