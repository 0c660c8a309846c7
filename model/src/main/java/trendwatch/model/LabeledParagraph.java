package trendwatch.model;

import java.time.Instant;
import java.util.List;

/** One paragraph of an article with the sectors it talks about, as on {@code trend.paragraphs.labeled}. */
public record LabeledParagraph(int schema, String articleId, int index, String text, String lang, List<Label> labels,
                               Instant publishedAt, Instant fetchedAt, SourceRef source, String url, String title,
                               String taxonomyVersion) {

    public static final int SCHEMA = 1;

    public LabeledParagraph {
        labels = List.copyOf(labels);
    }

    public boolean hasSector(String sector) {
        return labels.stream().anyMatch(label -> label.sector().equals(sector));
    }
}
