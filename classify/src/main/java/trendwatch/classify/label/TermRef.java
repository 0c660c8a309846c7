package trendwatch.classify.label;

/**
 * One taxonomy word of one sector.
 *
 * @param id     dense index over all words of the taxonomy, for per-call counting in an array
 * @param sector index of the sector in the taxonomy
 * @param text   the word as written in the taxonomy (what evidence shows)
 */
record TermRef(int id, int sector, String text, double weight, Kind kind) {

    enum Kind {
        /** counts on its own */
        STRONG,
        /** counts only next to a strong term of the same sector */
        WEAK,
        /** cancels the sector's terms it surrounds */
        NEGATIVE
    }
}
