package trendwatch.classify;

/** What became of one raw record inside the classify topology; never leaves the topology. */
sealed interface Outcome {

    record Classified(String articleId, ClassifiedArticle article) implements Outcome {
    }

    /** A tombstone on the raw topic: the article is withdrawn, so its contribution must go too. */
    record Withdrawn(String articleId) implements Outcome {
    }

    /** A record classify could not process; the original bytes go to the dead-letter topic. */
    record Failed(byte[] original) implements Outcome {
    }
}
