package trendwatch.classify.eval;

import java.util.Set;

/** One paragraph of an evaluation set with the sectors a person gave it; {@code hard} marks a hard negative. */
public record LabeledExample(String id, String text, Set<String> labels, boolean hard) {

    public LabeledExample {
        labels = Set.copyOf(labels);
    }
}
