package trendwatch.classify.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trendwatch.classify.ArticleClassifier;
import trendwatch.model.Article;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SourceRef;
import trendwatch.model.taxonomy.Taxonomy;

/**
 * The seed article through {@link ArticleClassifier}, as the pipeline labels it: every paragraph of each of its
 * six sections carries that section's sector and nothing else, the intro and closing only what they name.
 *
 * <p>{@code seed-body.txt} is the body ingest extracts from {@code seeds/000_e66a1ed0cdcaae93.txt}
 * ({@code TextExtractor.extract(name, text).body()}), copied because classify does not depend on ingest.
 */
class SeedArticleContextTest {

    private static final List<String> ALL_SIX = List.of("space", "robots", "chips", "batteries", "driving", "biomed");
    private static final List<String> HEADINGS = List.of("太空经济：", "人形机器人：", "推理芯片：", "固态电池：", "自动驾驶：",
            "生物医药：");
    private static List<LabeledParagraph> paragraphs;

    @BeforeAll
    static void classifySeed() throws IOException {
        String body;
        try (InputStream in = SeedArticleContextTest.class.getResourceAsStream("seed-body.txt")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Article seed = new Article(Article.SCHEMA, "seed", new SourceRef("folder", "seeds", null), null, "2025年，6大机会",
                null, null, "zh", null, Instant.parse("2025-02-10T00:00:00Z"), body, "hash");
        paragraphs = new ArticleClassifier(Taxonomy.loadDefault()).classify(seed).paragraphs();
    }

    @Test
    void shouldGiveEveryParagraphOfEachSectionItsSectorAndNothingElse() {
        for (int s = 0; s < HEADINGS.size(); s++) {
            int start = indexOf(HEADINGS.get(s));
            int end = s + 1 < HEADINGS.size() ? indexOf(HEADINGS.get(s + 1)) : indexOf("呼，终于说完了");
            String sector = ALL_SIX.get(s);
            assertThat(paragraphs.subList(start, end)).as("section %s", sector).hasSizeGreaterThan(6)
                    .allSatisfy(p -> assertThat(sectors(p)).as(p.text()).containsExactly(sector));
        }
    }

    @Test
    void shouldGiveTheIntroOnlyWhatItNames() {
        List<LabeledParagraph> intro = paragraphs.subList(0, indexOf(HEADINGS.get(0)));

        assertThat(intro).filteredOn(p -> p.text().contains("太空经济、人形机器人、自动驾驶、推理芯片、固态电池、生物医药"))
                .singleElement().satisfies(p -> assertThat(sectors(p)).containsExactlyInAnyOrderElementsOf(ALL_SIX));
        // Last year's report topics, named in passing: embodied AI (robots) and gene editing (biomed).
        assertThat(intro).filteredOn(p -> p.text().contains("具身智能、小模型、AI短剧、基因编辑"))
                .singleElement().satisfies(p -> assertThat(sectors(p)).containsExactly("robots", "biomed"));
        assertThat(intro).filteredOn(p -> p.labels().size() < 2).allSatisfy(p -> assertThat(p.labels()).isEmpty());
    }

    @Test
    void shouldGiveTheClosingRoundUpAllSixAndTheRestNothing() {
        List<LabeledParagraph> closing = paragraphs.subList(indexOf("呼，终于说完了"), paragraphs.size());

        assertThat(sectors(closing.get(0))).containsExactlyInAnyOrderElementsOf(ALL_SIX);
        assertThat(closing.subList(1, closing.size())).hasSizeGreaterThan(2)
                .allSatisfy(p -> assertThat(p.labels()).as(p.text()).isEmpty());
    }

    @Test
    void shouldKeepTheRobotsSectionsSignpostToChipsAndBatteriesInRobots() {
        LabeledParagraph signpost = paragraphs.get(indexOf("前者，需要推理芯片。后者，需要固态电池。"));

        assertThat(signpost.labels()).singleElement().satisfies(label -> {
            assertThat(label.sector()).isEqualTo("robots");
            assertThat(label.context()).isEqualTo(Label.FROM_SECTION);
            assertThat(label.evidence()).containsExactly("人形机器人");
            assertThat(label.hits()).isEmpty();
        });
    }

    @Test
    void shouldScoreSectionLabelsBelowOwnOnes() {
        Set<Double> sectionScores = new TreeSet<>();
        double lowestOwn = 1;
        for (LabeledParagraph p : paragraphs) {
            for (Label label : p.labels()) {
                if (label.context() == null) {
                    lowestOwn = Math.min(lowestOwn, label.score());
                } else {
                    sectionScores.add(label.score());
                }
            }
        }
        assertThat(sectionScores).isNotEmpty().allSatisfy(score -> assertThat(score).isLessThan(0.6));
        assertThat(lowestOwn).isGreaterThanOrEqualTo(0.5);
    }

    private static int indexOf(String start) {
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).text().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no seed paragraph starts with " + start);
    }

    private static List<String> sectors(LabeledParagraph paragraph) {
        return paragraph.labels().stream().map(Label::sector).toList();
    }
}
