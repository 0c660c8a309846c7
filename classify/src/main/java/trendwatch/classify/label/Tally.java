package trendwatch.classify.label;

/**
 * Counters indexed by taxonomy entry and by taxonomy word, kept by one thread across paragraphs. Allocating and
 * zeroing arrays the size of the taxonomy for every paragraph took a third of the labeler's time (JFR); with these,
 * a paragraph costs in proportion to its sightings. Whoever raises a counter sets it back to zero when done with
 * the paragraph, so the arrays are all zero between paragraphs.
 */
final class Tally {

    /** Accepted sightings per entry in the current paragraph ({@link Matches}). */
    final byte[] perEntry;
    /** Counted sightings per word in the current paragraph ({@link Scorer}). */
    final int[] perWord;

    Tally(int entries, int words) {
        this.perEntry = new byte[entries];
        this.perWord = new int[words];
    }
}
