package trendwatch.classify.context;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Labels paragraphs from the article around them, after each has been labeled on its own words.
 *
 * <ul>
 *   <li><b>Sections.</b> A heading (see {@link Headings}) with labels of its own opens a section of its sectors,
 *       which runs to the next heading (with labels or without) or to a survey paragraph (one naming {@value #SURVEY_SECTORS} or more
 *       sectors, like an article's closing round-up). A paragraph of the section with no labels of its own takes
 *       the section's sectors, scored {@value #SECTION_SCORE}, with the heading's evidence and
 *       {@code context = "section"}.</li>
 *   <li><b>Passing mentions.</b> Inside a section, a label of another sector that rests only on that sector's
 *       name or weak words is dropped first: "前者，需要推理芯片。后者，需要固态电池。" in a robots section
 *       signposts the next sections, it does not discuss chips or batteries.</li>
 *   <li><b>Neighbours.</b> Outside sections, a paragraph with no labels between two paragraphs whose own labels
 *       share a sector (and are not surveys) takes it, scored {@value #NEIGHBOUR_SCORE}, with {@code context = "neighbours"}.</li>
 * </ul>
 *
 * <p>Context scores sit below what one solid term of a paragraph's own gives (0.55 to 0.78), so an own label
 * always outranks a borrowed one. Only own labels lend: a borrowed label never spreads further.
 */
public final class DocumentContext {

    static final int SURVEY_SECTORS = 3;
    static final double SECTION_SCORE = 0.55;
    static final double NEIGHBOUR_SCORE = 0.5;

    private final PassingMentions passing;

    public DocumentContext(Taxonomy taxonomy) {
        this.passing = new PassingMentions(Objects.requireNonNull(taxonomy, "taxonomy"));
    }

    /**
     * The labels of each paragraph in its article.
     *
     * @param texts the article's paragraphs, in order
     * @param own   each paragraph's labels from its own words, as the labeler gave them
     */
    public List<List<Label>> apply(List<String> texts, List<List<Label>> own) {
        if (texts.size() != own.size()) {
            throw new IllegalArgumentException(texts.size() + " paragraphs but " + own.size() + " label lists");
        }
        List<List<Label>> result = new ArrayList<>(own.size());
        boolean[] inSection = new boolean[own.size()];
        List<Label> section = List.of();
        for (int i = 0; i < own.size(); i++) {
            List<Label> labels = own.get(i);
            if (Headings.isHeading(texts.get(i))) {
                section = labels; // a heading of no sector ("Lunch recommendations") ends the section before it
            } else if (labels.size() >= SURVEY_SECTORS) {
                section = List.of();
            } else if (!section.isEmpty()) {
                inSection[i] = true;
                labels = inSection(labels, section);
            }
            result.add(labels);
        }
        return fromNeighbours(result, inSection);
    }

    private List<Label> inSection(List<Label> labels, List<Label> section) {
        Set<String> sectors = sectors(section);
        List<Label> kept = labels.stream()
                .filter(label -> sectors.contains(label.sector()) || !passing.isPassing(label))
                .toList();
        if (!kept.isEmpty()) {
            return kept;
        }
        return section.stream()
                .map(heading -> new Label(heading.sector(), SECTION_SCORE, heading.evidence(), List.of(),
                        Label.FROM_SECTION))
                .toList();
    }

    private static List<List<Label>> fromNeighbours(List<List<Label>> labels, boolean[] inSection) {
        List<List<Label>> result = new ArrayList<>(labels);
        for (int i = 1; i + 1 < labels.size(); i++) {
            if (!inSection[i] && labels.get(i).isEmpty()) {
                result.set(i, shared(labels.get(i - 1), labels.get(i + 1)));
            }
        }
        return result;
    }

    /**
     * The sectors both neighbours carry on their own words, with the evidence of both. A survey paragraph lends
     * nothing: it lists sectors rather than discussing one.
     */
    private static List<Label> shared(List<Label> before, List<Label> after) {
        List<Label> shared = new ArrayList<>();
        if (before.size() >= SURVEY_SECTORS || after.size() >= SURVEY_SECTORS) {
            return shared;
        }
        for (Label first : before) {
            for (Label second : after) {
                if (first.sector().equals(second.sector()) && first.context() == null && second.context() == null) {
                    Set<String> evidence = new LinkedHashSet<>(first.evidence());
                    evidence.addAll(second.evidence());
                    shared.add(new Label(first.sector(), NEIGHBOUR_SCORE, List.copyOf(evidence), List.of(),
                            Label.FROM_NEIGHBOURS));
                }
            }
        }
        return shared;
    }

    private static Set<String> sectors(List<Label> labels) {
        Set<String> sectors = new LinkedHashSet<>();
        labels.forEach(label -> sectors.add(label.sector()));
        return sectors;
    }
}
