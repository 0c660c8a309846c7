package trendwatch.model;

import java.util.List;

/** A paragraph that shows an article is about a sector: what a burst or a dashboard cites as evidence. */
public record EvidenceParagraph(String articleId, String title, String url, SourceRef source, int index,
                                String text, List<String> terms, double score) {

    /** Evidence texts are cut to this many characters: enough to read, small enough to keep in counts. */
    public static final int MAX_TEXT = 280;

    public EvidenceParagraph {
        terms = terms == null ? List.of() : List.copyOf(terms);
        text = Texts.shortened(text, MAX_TEXT);
    }
}
