package trendwatch.model.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The sectors paragraphs are labeled with, loaded from a YAML file users edit.
 *
 * @param version   the file's declared version plus a hash of its bytes ({@code 2025.1+3fa9c2d1}), so that every
 *                  label can name exactly the taxonomy that produced it, and any edit gives a new version
 * @param threshold the score (0..1] from which a sector is given to a paragraph
 */
public record Taxonomy(String version, List<Sector> sectors, double threshold) {

    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final String DEFAULT_RESOURCE = "/trendwatch/taxonomy/default.yaml";

    public Taxonomy {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("taxonomy version is blank");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("taxonomy threshold must be in (0, 1], got " + threshold);
        }
        sectors = List.copyOf(sectors);
    }

    public Taxonomy(String version, List<Sector> sectors) {
        this(version, sectors, DEFAULT_THRESHOLD);
    }

    /** Loads and validates a taxonomy file; a malformed one fails with a {@link TaxonomyException}. */
    public static Taxonomy load(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TaxonomyException(file.toString(), 0, "cannot read the file: " + e, e);
        }
        return TaxonomyReader.read(file.toString(), content);
    }

    /** The taxonomy that ships with trendwatch: the six sectors of the seed article. */
    public static Taxonomy loadDefault() {
        String source = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = Taxonomy.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException(source, 0, "resource missing from the classpath");
            }
            return TaxonomyReader.read(source, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source, e);
        }
    }

    public List<String> sectorIds() {
        return sectors.stream().map(Sector::id).toList();
    }

    public Optional<Sector> findSector(String id) {
        return sectors.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
