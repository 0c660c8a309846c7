package trendwatch.classify;

import trendwatch.model.Article;

/**
 * Splits an article into paragraphs and labels them. {@link ArticleClassifier} is the one the product runs; the
 * interface lets a test or a benchmark put in one that fails on purpose, to see a failure reach the dead-letter
 * topic (no input found makes the real one throw).
 */
@FunctionalInterface
public interface Classifier {

    /** Throws a {@link RuntimeException} for an article it cannot classify: classify sends it to the dead letters. */
    ClassifiedArticle classify(Article article);
}
