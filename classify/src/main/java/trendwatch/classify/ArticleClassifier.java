package trendwatch.classify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.classify.context.DocumentContext;
import trendwatch.classify.label.Labeler;
import trendwatch.model.Article;
import trendwatch.model.ArticleLabels;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SectorContribution;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Splits an article into paragraphs and labels each one, first on its own words, then with its place in the
 * article (section headings, neighbours); a pure function of the article and the taxonomy.
 */
public final class ArticleClassifier implements Classifier {

    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

    private final Labeler labeler;
    private final DocumentContext context;
    private final String taxonomyVersion;

    public ArticleClassifier(Taxonomy taxonomy) {
        this.labeler = new Labeler(taxonomy);
        this.context = new DocumentContext(taxonomy);
        this.taxonomyVersion = taxonomy.version();
    }

    @Override
    public ClassifiedArticle classify(Article article) {
        List<String> texts = Paragraphs.split(article.body());
        requireCountableTime(article);
        requireReadable(article, texts);
        List<List<Label>> labels = context.apply(texts, texts.stream().map(labeler::label).toList());
        List<LabeledParagraph> paragraphs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            paragraphs.add(labeled(article, i, texts.get(i), labels.get(i)));
        }
        return new ClassifiedArticle(paragraphs, contribution(article, paragraphs));
    }

    /**
     * Publish puts every article in an hour, a day and a week bucket and looks weeks back for a baseline. Instant
     * takes years up to ±1,000,000,000, which that arithmetic overflows (found by ThroughputBench's poison run).
     * Years outside 1..9999 are bad input, not news: reject them in classify, where the dead letter is the raw
     * article rather than a labeled one, and before its paragraphs are published.
     */
    private static void requireCountableTime(Article article) {
        Instant eventTime = article.eventTime();
        if (eventTime.isBefore(EARLIEST) || !eventTime.isBefore(LATEST)) {
            throw new IllegalArgumentException("article " + article.id() + ": event time " + eventTime
                    + " is outside the years 1 to 9999");
        }
    }

    private static void requireReadable(Article article, List<String> paragraphs) {
        Paragraphs.findTooLong(paragraphs).ifPresent(reason -> {
            throw new IllegalArgumentException("article " + article.id() + ": " + reason);
        });
    }

    private LabeledParagraph labeled(Article article, int index, String text, List<Label> labels) {
        return new LabeledParagraph(LabeledParagraph.SCHEMA, article.id(), index, text, article.lang(),
                labels, article.publishedAt(), article.fetchedAt(), article.source(), article.url(),
                article.title(), taxonomyVersion);
    }

    private ArticleLabels contribution(Article article, List<LabeledParagraph> paragraphs) {
        Map<String, SectorContribution> sectors = new TreeMap<>();
        int labeled = 0;
        for (LabeledParagraph paragraph : paragraphs) {
            labeled += paragraph.labels().isEmpty() ? 0 : 1;
            for (Label label : paragraph.labels()) {
                sectors.merge(label.sector(), new SectorContribution(1, label.score(), evidence(paragraph, label)),
                        ArticleClassifier::add);
            }
        }
        return new ArticleLabels(ArticleLabels.SCHEMA, article.id(), article.publishedAt(), article.fetchedAt(),
                article.source(), article.url(), article.title(), taxonomyVersion, sectors, labeled);
    }

    private static SectorContribution add(SectorContribution a, SectorContribution b) {
        return new SectorContribution(a.paragraphs() + b.paragraphs(), a.score() + b.score(), better(a.best(),
                b.best()));
    }

    /** The paragraph with its own evidence and the higher score; one labeled only by context never wins. */
    private static EvidenceParagraph better(EvidenceParagraph a, EvidenceParagraph b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        boolean aOwn = !a.terms().isEmpty();
        boolean bOwn = !b.terms().isEmpty();
        if (aOwn != bOwn) {
            return aOwn ? a : b;
        }
        return b.score() > a.score() ? b : a;
    }

    private static EvidenceParagraph evidence(LabeledParagraph paragraph, Label label) {
        return new EvidenceParagraph(paragraph.articleId(), paragraph.title(), paragraph.url(), paragraph.source(),
                paragraph.index(), paragraph.text(), label.context() == null ? label.evidence() : List.of(),
                label.score());
    }
}
