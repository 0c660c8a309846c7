package trendwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import trendwatch.classify.ArticleClassifier;
import trendwatch.classify.Classifier;
import trendwatch.model.taxonomy.Taxonomy;

/** The harness's own inputs, checked without Kafka: the benchmark runs are only as sound as these. */
class PoisonTest {

    private final Classifier classifier = Poison.classifier(Taxonomy.loadDefault());

    @Test
    void shouldMakeEveryPoisonADeadLetter() throws Exception {
        BenchArticles articles = new BenchArticles(Corpus.paragraphs(Path.of("..")), 1);
        for (Poison kind : Poison.values()) {
            Expectation expectation = Expectation.of(kind.value("p", articles, Instant.now()), classifier);
            assertThat(expectation.deadLetter()).as(kind.name()).isTrue();
        }
    }

    @Test
    void shouldThrowOnlyOnTheLabelerPoisonAndGiveTheRealLabelsOtherwise() throws Exception {
        BenchArticles articles = new BenchArticles(Corpus.paragraphs(Path.of("..")), 1);
        ArticleClassifier real = new ArticleClassifier(Taxonomy.loadDefault());
        byte[] clean = BenchArticles.bytes(articles.article("a", Instant.now(), Instant.now()));
        byte[] poison = Poison.LABELER_THROWS.value("p", articles, Instant.now());

        assertThat(Expectation.of(clean, classifier)).isEqualTo(Expectation.of(clean, real));
        assertThat(Expectation.of(poison, real).deadLetter()).isFalse();
        assertThat(Expectation.of(poison, classifier).deadLetterReason()).contains("labeler failed");
    }

    @Test
    void shouldBuildArticlesOfAboutThreeKilobytes() throws Exception {
        BenchArticles articles = new BenchArticles(Corpus.paragraphs(Path.of("..")), 1);
        byte[] json = BenchArticles.bytes(articles.article("a", Instant.now(), Instant.now()));

        assertThat(json.length).isBetween(2_600, 4_500);
        assertThat(Expectation.of(json, classifier).paragraphs()).isGreaterThan(1);
    }
}
