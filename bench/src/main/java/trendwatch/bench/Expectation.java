package trendwatch.bench;

import trendwatch.classify.Classifier;
import trendwatch.classify.ClassifiedArticle;
import trendwatch.model.Article;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Topics;

/**
 * What a correct pipeline does with one raw record, worked out offline with the product's own parser and
 * classifier: either its labels (and how many paragraphs it has), or a dead letter.
 */
record Expectation(ArticleLabels labels, int paragraphs, String deadLetterReason) {

    static Expectation of(byte[] value, Classifier classifier) {
        try {
            Article article = Topics.ARTICLES_RAW.valueSerde().deserializer().deserialize(Topics.ARTICLES_RAW.name(),
                    value);
            ClassifiedArticle classified = classifier.classify(article);
            return new Expectation(classified.labels(), classified.paragraphs().size(), null);
        } catch (RuntimeException e) {
            return new Expectation(null, 0, e.toString());
        }
    }

    boolean deadLetter() {
        return deadLetterReason != null;
    }
}
