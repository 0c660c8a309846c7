package trendwatch.classify;

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
import trendwatch.model.Paragraphs;
import trendwatch.model.SectorContribution;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Splits an article into paragraphs and labels each one, first on its own words, then with its place in the
 * article (section headings, neighbours); a pure function of the article and the taxonomy.
 */
public final class ArticleClassifier implements Classifier {

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
        // rejected here, where the dead letter is the raw article, before any of its paragraphs is published
        article.whyNotCountable(texts).ifPresent(reason -> {
            throw new IllegalArgumentException("article " + article.id() + ": " + reason);
        });
        List<List<Label>> labels = context.apply(texts, texts.stream().map(labeler::label).toList());
        List<LabeledParagraph> paragraphs = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            paragraphs.add(labeled(article, i, texts.get(i), labels.get(i)));
        }
        return new ClassifiedArticle(paragraphs, contribution(article, paragraphs));
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
