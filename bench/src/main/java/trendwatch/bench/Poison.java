package trendwatch.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import trendwatch.classify.ArticleClassifier;
import trendwatch.classify.Classifier;
import trendwatch.model.Article;
import trendwatch.model.Json;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * The kinds of bad record the poison run mixes into the input, each as a raw record value. What the pipeline
 * must do with each is not assumed here: {@link Expectation} works it out offline, the way classify would.
 */
enum Poison {
    /** Cut off in the middle of a string: not JSON. */
    INVALID_JSON,
    /** JSON whose body holds a byte sequence that is not UTF-8. */
    INVALID_UTF8,
    /** A structurally valid article with a required field ({@code body}) null. */
    MISSING_FIELD,
    /**
     * A valid article the labeler throws on, halfway through it. No input found makes the product's labeler throw
     * ({@code ArticleClassifierRobustnessTest}), so the benchmark runs classify with {@link #classifier}, which
     * throws on a marker paragraph: what matters is that the failure reaches the dead letters and the rest flows.
     */
    LABELER_THROWS,
    /** An article whose body is one 5 MB paragraph: far beyond {@code Paragraphs.MAX_CHARS}, so a dead letter. */
    HUGE_PARAGRAPH,
    /** A valid article published in the year 1,000,000,000: Instant accepts it, but no week bucket can hold it. */
    FAR_FUTURE;

    private static final int HUGE_BYTES = 5 * 1024 * 1024;
    private static final String LABELER_THROWS_ON = "A paragraph the benchmark's labeler throws on.";

    /** The product's classifier, except that it throws on a {@link #LABELER_THROWS} article. */
    static Classifier classifier(Taxonomy taxonomy) {
        ArticleClassifier real = new ArticleClassifier(taxonomy);
        return article -> {
            if (article.body().contains(LABELER_THROWS_ON)) {
                throw new IllegalStateException("the labeler failed (on purpose: a benchmark's poison record)");
            }
            return real.classify(article);
        };
    }

    byte[] value(String id, BenchArticles articles, Instant fetchedAt) {
        Article ok = articles.article(id, fetchedAt, fetchedAt);
        String json = new String(BenchArticles.bytes(ok), StandardCharsets.UTF_8);
        return switch (this) {
            case INVALID_JSON -> json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);
            case INVALID_UTF8 -> invalidUtf8(json);
            case MISSING_FIELD -> withoutBody(json);
            case LABELER_THROWS -> BenchArticles.bytes(new Article(ok.schema(), id, ok.source(), ok.url(), ok.title(),
                    null, ok.site(), ok.lang(), ok.publishedAt(), ok.fetchedAt(), withMarker(ok.body()), null));
            case HUGE_PARAGRAPH -> BenchArticles.bytes(new Article(ok.schema(), id, ok.source(), ok.url(), ok.title(),
                    null, ok.site(), ok.lang(), ok.publishedAt(), ok.fetchedAt(), oneParagraph(ok.body()), null));
            case FAR_FUTURE -> BenchArticles.bytes(new Article(ok.schema(), id, ok.source(), ok.url(), ok.title(),
                    null, ok.site(), ok.lang(), Instant.MAX, ok.fetchedAt(), ok.body(), null));
        };
    }

    private static byte[] withoutBody(String json) {
        try {
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(json);
            tree.putNull("body");
            return Json.MAPPER.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] invalidUtf8(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        int body = json.indexOf("\"body\":\"") + "\"body\":\"".length();
        int at = json.substring(0, body).getBytes(StandardCharsets.UTF_8).length;
        bytes[at] = (byte) 0xC3; // a 2-byte lead followed by a non-continuation byte
        bytes[at + 1] = (byte) 0x28;
        return bytes;
    }

    /** The marker paragraph in the middle of the body. */
    private static String withMarker(String body) {
        int middle = Math.max(0, body.indexOf("\n\n", body.length() / 2));
        return body.substring(0, middle) + "\n\n" + LABELER_THROWS_ON + body.substring(middle);
    }

    /** The body repeated without blank lines up to 5 MB: one paragraph. */
    private static String oneParagraph(String body) {
        String line = body.replaceAll("\\n\\s*\\n", " ") + " ";
        int lineBytes = line.getBytes(StandardCharsets.UTF_8).length;
        return line.repeat(HUGE_BYTES / lineBytes + 1);
    }
}
