package trendwatch.model.taxonomy;

import java.util.List;

/**
 * One technology sector of the taxonomy.
 *
 * @param terms        strong terms: each one seen counts on its own
 * @param needsContext weak terms (chip, 火箭, battery): they count only when a strong term of this sector is present
 * @param negative     contexts ("potato chips", "火箭队", "驾校") that cancel this sector's terms they surround
 */
public record Sector(String id, String zh, String en, String description,
                     List<Term> terms, List<Term> needsContext, List<String> negative) {

    public Sector {
        terms = List.copyOf(terms);
        needsContext = List.copyOf(needsContext);
        negative = List.copyOf(negative);
    }

    /** A sector without terms: describes a sector (e.g. for an API listing) but never labels anything. */
    public Sector(String id, String zh, String en, String description) {
        this(id, zh, en, description, List.of(), List.of(), List.of());
    }
}
