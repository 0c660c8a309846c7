package trendwatch.model.taxonomy;

/** One word or phrase of a sector, as written in the taxonomy file, and how much one sighting of it counts. */
public record Term(String text, double weight) {

    public Term {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("term text is blank");
        }
        if (!(weight > 0)) {
            throw new IllegalArgumentException("term '" + text + "': weight must be > 0, got " + weight);
        }
    }
}
