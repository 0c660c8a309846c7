package trendwatch.classify.label;

import java.util.List;
import java.util.Objects;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Labels a paragraph with the taxonomy sectors it talks about, in Chinese, English or both.
 *
 * <p>Built once per taxonomy (building the automaton is the expensive part); {@link #label} is thread-safe,
 * never throws on any text, and runs in time linear in the paragraph's length.
 */
public final class Labeler {

    private final Taxonomy taxonomy;
    private final TermIndex index;
    private final Scorer scorer;
    /** Each Kafka Streams thread labels with its own counters; the automaton and the scorer are shared. */
    private final ThreadLocal<Tally> tallies;

    public Labeler(Taxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.index = new TermIndex(taxonomy);
        this.scorer = new Scorer(taxonomy);
        this.tallies = ThreadLocal.withInitial(() -> new Tally(index.entryCount(), index.refCount()));
    }

    /**
     * The sectors of the paragraph, highest score first, each with the taxonomy words that showed it and where they
     * occur in {@code paragraph} (UTF-16 offsets into it as given, whatever normalisation matched).
     */
    public List<Label> label(String paragraph) {
        NormalizedText text = TextNormalizer.normalize(paragraph);
        Tally tally = tallies.get();
        Matches matches = new Matches(text.chars(), tally.perEntry);
        try {
            index.scan(text.chars(), matches);
            return scorer.score(matches, text, tally.perWord);
        } finally {
            matches.release();
        }
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }
}
