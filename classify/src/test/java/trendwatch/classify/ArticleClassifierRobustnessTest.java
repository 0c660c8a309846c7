package trendwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * Whatever article arrives, the whole classification (splitting, labeling, the document context) answers or refuses
 * it with the article's fault, never with a surprise. Random articles: pieces of the seed, random UTF-16 units
 * (lone surrogates too), random code points, odd paragraph breaks, terms and tricky characters, any language
 * tag, any time. {@code -Dtrendwatch.fuzz.articles=N} for a longer run (default 5 000).
 */
class ArticleClassifierRobustnessTest {

    private static final Path SEED = Path.of("../seeds/000_e66a1ed0cdcaae93.txt");
    private static final List<String> TERMS = List.of("AI", "GPU", "robot", "L4", "自动驾驶", "人形机器人", "固态电池", "卫星",
            "芯片", "FSD", "mRNA", "推理芯片", "🤖", "\u0301\u0301", "a\u200db", "İ", "ß", "ﬃ", "\uD800", "\uDFFF");
    private static final String[] BREAKS = {"\n\n", "\r\n \t\r\n", "\u2029\u3000\n", "\n", "\r\r"};
    private static final String[] LANGS = {"zh", "en", null, "", "xx", "zh-Hant", "EN", "ja"};

    private final ArticleClassifier classifier = new ArticleClassifier(Taxonomy.loadDefault());

    @Test
    void shouldClassifyRandomArticlesWithoutThrowing() throws IOException {
        String seed = Files.readString(SEED);
        Random random = new Random(20261130);
        int articles = Integer.getInteger("trendwatch.fuzz.articles", 5_000);
        for (int n = 0; n < articles; n++) {
            String body = body(random, seed);
            Article article = new Article(Article.SCHEMA, "fuzz-" + n, new SourceRef("folder", "inbox", null), null,
                    random.nextBoolean() ? null : body.substring(0, Math.min(body.length(), 50)), null, null,
                    LANGS[random.nextInt(LANGS.length)],
                    random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt() & 0x7fffffffL),
                    Instant.parse("2026-11-30T00:00:00Z"), body, "h");

            ClassifiedArticle classified = classifier.classify(article);

            assertThat(classified.paragraphs()).as("article %d", n).isNotEmpty();
        }
    }

    private static String body(Random random, String seed) {
        StringBuilder body = new StringBuilder("x");
        for (int part = random.nextInt(40); part > 0; part--) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    int start = random.nextInt(seed.length());
                    body.append(seed, start, Math.min(seed.length(), start + random.nextInt(400)));
                }
                case 1 -> random.ints(random.nextInt(50), 0, 0x10000).forEach(unit -> body.append((char) unit));
                case 2 -> random.ints(random.nextInt(50), 0, Character.MAX_CODE_POINT + 1)
                        .forEach(body::appendCodePoint);
                case 3 -> body.append(BREAKS[random.nextInt(BREAKS.length)]);
                case 4 -> body.append(TERMS.get(random.nextInt(TERMS.size())));
                default -> body.append(" word".repeat(random.nextInt(30)));
            }
        }
        return body.toString();
    }
}
