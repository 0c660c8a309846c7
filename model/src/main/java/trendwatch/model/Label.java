package trendwatch.model;

import java.util.List;

/**
 * One sector a paragraph talks about, how strongly, and why.
 *
 * @param score 0..1
 * @param evidence the taxonomy terms that showed the sector, strongest first
 * @param hits where those terms occur in the paragraph's text
 * @param context null when the paragraph's own words carry the label; {@code "section"} or
 *     {@code "neighbours"} when it was taken from its section heading or the paragraphs around it, and then
 *     {@code evidence} names the terms of the heading or neighbours that gave it
 */
public record Label(String sector, double score, List<String> evidence, List<Hit> hits, String context) {

    public static final String FROM_SECTION = "section";
    public static final String FROM_NEIGHBOURS = "neighbours";

    /** One occurrence of an evidence term: {@code text.substring(start, end)} of the paragraph as published. */
    public record Hit(String term, int start, int end) {
    }

    public Label {
        Require.text(sector, "sector");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        hits = hits == null ? List.of() : List.copyOf(hits);
    }

    public Label(String sector, double score, List<String> evidence) {
        this(sector, score, evidence, List.of(), null);
    }
}
