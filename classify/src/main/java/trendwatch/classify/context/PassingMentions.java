package trendwatch.classify.context;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Sector;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.model.taxonomy.Term;

/**
 * Recognises a label that rests on nothing but the sector's own name (and its weak words): "后者，需要固态电池"
 * names batteries without discussing them. Inside another sector's section such a label is a signpost, not a
 * topic; see {@link DocumentContext}.
 */
final class PassingMentions {

    /** Per sector id: its names and weak words, lower-cased, the only evidence a passing mention has. */
    private final Map<String, Set<String>> shallowWords;

    PassingMentions(Taxonomy taxonomy) {
        this.shallowWords = taxonomy.sectors().stream()
                .collect(Collectors.toUnmodifiableMap(Sector::id, PassingMentions::shallowWords));
    }

    /** Whether every piece of the label's evidence is only the sector's name or a weak word of it. */
    boolean isPassing(Label label) {
        Set<String> shallow = shallowWords.get(label.sector());
        if (shallow == null || label.evidence().isEmpty()) {
            return false;
        }
        return label.evidence().stream().allMatch(term -> shallow.contains(term.toLowerCase(Locale.ROOT)));
    }

    private static Set<String> shallowWords(Sector sector) {
        Set<String> words = new HashSet<>();
        words.add(sector.zh().toLowerCase(Locale.ROOT));
        words.add(sector.en().toLowerCase(Locale.ROOT));
        for (Term term : sector.needsContext()) {
            words.add(term.text().toLowerCase(Locale.ROOT));
        }
        return Set.copyOf(words);
    }
}
