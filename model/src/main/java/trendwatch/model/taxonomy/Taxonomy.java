package trendwatch.model.taxonomy;

import java.nio.file.Path;
import java.util.List;

/** STUB — to be replaced by the real taxonomy model (same public API). */
public record Taxonomy(String version, List<Sector> sectors) {

    public static Taxonomy load(Path file) {
        throw new UnsupportedOperationException("stub");
    }

    public static Taxonomy loadDefault() {
        throw new UnsupportedOperationException("stub");
    }

    public List<String> sectorIds() {
        return sectors.stream().map(Sector::id).toList();
    }
}
