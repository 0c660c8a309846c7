package trendwatch.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;
import trendwatch.model.Topics;

/**
 * Real-shaped articles for the end-to-end benchmarks: about 3 KB of JSON each, bodies made of consecutive
 * {@link Corpus} paragraphs (mixed Chinese and English), serialized exactly as ingest writes them to
 * {@code trend.articles.raw}.
 */
final class BenchArticles {

    /** Body bytes per article; with the other fields the JSON record is about 3 KB. */
    static final int BODY_BYTES = 2600;
    private static final SourceRef SOURCE = new SourceRef("folder", "bench", null);

    private final List<String> corpus;
    private final Random random;

    BenchArticles(List<String> corpus, long seed) {
        this.corpus = corpus;
        this.random = new Random(seed);
    }

    Article article(String id, Instant publishedAt, Instant fetchedAt) {
        int start = random.nextInt(corpus.size());
        StringBuilder body = new StringBuilder();
        int bytes = 0;
        for (int i = start; bytes < BODY_BYTES; i = (i + 1) % corpus.size()) {
            String paragraph = corpus.get(i);
            body.append(body.length() == 0 ? "" : "\n\n").append(paragraph);
            bytes += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        String first = corpus.get(start);
        String title = first.substring(0, Math.min(40, first.length()));
        String lang = Corpus.hanShare(List.of(body.toString())) > 0.3 ? "zh" : "en";
        return new Article(Article.SCHEMA, id, SOURCE, "https://bench.example/a/" + id, title, null, "bench", lang,
                publishedAt, fetchedAt, body.toString(), HexFormat.of().toHexDigits(body.toString().hashCode()));
    }

    static byte[] bytes(Article article) {
        return Topics.ARTICLES_RAW.valueSerde().serializer().serialize(Topics.ARTICLES_RAW.name(), article);
    }
}
