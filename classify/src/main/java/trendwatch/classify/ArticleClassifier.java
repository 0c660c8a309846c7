package trendwatch.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.classify.context.DocumentContext;
import trendwatch.classify.label.Labeler;
import trendwatch.model.Article;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SectorContribution;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Splits an article into paragraphs and labels each one, first on its own words, then with its place in the
 * article (section headings, neighbours); a pure function of the article and the taxonomy.
 */
public final class ArticleClassifier {

    private final Labeler labeler;
    private final DocumentContext context;
    private final String taxonomyVersion;

    public ArticleClassifier(Taxonomy taxonomy) {
        this.labeler = new Labeler(taxonomy);
        this.context = new DocumentContext(taxonomy);
        this.taxonomyVersion = taxonomy.version();
    }

    public ClassifiedArticle classify(Article article) {
        List<String> texts = Paragraphs.split(article.body());
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
        for (LabeledParagraph paragraph : paragraphs) {
            for (Label label : paragraph.labels()) {
                sectors.merge(label.sector(), new SectorContribution(1, label.score()),
                        (a, b) -> new SectorContribution(a.paragraphs() + b.paragraphs(), a.score() + b.score()));
            }
        }
        return new ArticleLabels(ArticleLabels.SCHEMA, article.id(), article.publishedAt(), article.fetchedAt(),
                article.source(), article.url(), article.title(), taxonomyVersion, sectors);
    }
}
