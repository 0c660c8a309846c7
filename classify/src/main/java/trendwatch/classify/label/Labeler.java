package trendwatch.classify.label;

import java.util.List;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** STUB — to be replaced by the real labeler (same public API). */
public final class Labeler {

    public Labeler(Taxonomy taxonomy) {
    }

    public List<Label> label(String paragraph) {
        return List.of();
    }
}
