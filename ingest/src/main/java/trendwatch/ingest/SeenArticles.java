package trendwatch.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import trendwatch.model.KafkaConnection;
import trendwatch.model.SeenArticle;
import trendwatch.model.Topics;

/**
 * What ingest has published, rebuilt at start from the compacted {@code trend.ingest.seen} topic, so that a
 * restart (or another machine) does not republish unchanged articles.
 */
final class SeenArticles {

    private final Map<String, SeenArticle> seen;

    private SeenArticles(Map<String, SeenArticle> seen) {
        this.seen = seen;
    }

    Optional<SeenArticle> find(String articleId) {
        return Optional.ofNullable(seen.get(articleId));
    }

    void remember(String articleId, SeenArticle article) {
        seen.put(articleId, article);
    }

    int size() {
        return seen.size();
    }

    static SeenArticles empty() {
        return new SeenArticles(new HashMap<>());
    }

    static SeenArticles load(KafkaConnection kafka, Duration timeout) {
        return new SeenArticles(new HashMap<>(TopicSnapshot.read(kafka, Topics.INGEST_SEEN, timeout)));
    }
}
