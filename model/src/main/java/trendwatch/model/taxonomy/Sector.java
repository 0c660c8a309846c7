package trendwatch.model.taxonomy;

/** STUB — to be replaced by the real taxonomy model (same public API plus terms). */
public record Sector(String id, String zh, String en, String description) {
}
