package trendwatch.classify;

import java.util.List;
import trendwatch.model.ArticleLabels;
import trendwatch.model.LabeledParagraph;

/** Everything classify derives from one article: its labeled paragraphs and its contribution to the counts. */
public record ClassifiedArticle(List<LabeledParagraph> paragraphs, ArticleLabels labels) {
}
