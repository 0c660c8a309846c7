package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** Whatever text arrives, the labeler answers, quickly, and never throws. */
class LabelerRobustnessTest {

    private static final Labeler LABELER = new Labeler(Taxonomy.loadDefault());
    private static final int ONE_MB = 1 << 20;
    /** Every sighting cap at once: more sightings than a paragraph keeps, more repeats than one word counts. */
    private static final String EVERY_CAP = "固态电池 自动驾驶 人形机器人 推理芯片 商业航天 创新药 ".repeat(400);

    @Test
    void shouldGiveNoLabelToNullOrEmptyText() {
        assertThat(LABELER.label(null)).isEmpty();
        assertThat(LABELER.label("")).isEmpty();
        assertThat(LABELER.label(" \n\t\u3000 ")).isEmpty();
    }

    @Test
    void shouldGiveNoLabelToTextWithoutLetters() {
        assertThat(LABELER.label("1234567890 !@#$%^&*() —— …… 。，、；：“”")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "药", "-", " ", "\u0301", "\uFDFA", "\uD83D\uDE80", "s"})
    @Timeout(10)
    void shouldLabelAMegabyteOfOneRepeatedCharacterInBoundedTime(String unit) {
        String text = unit.repeat(ONE_MB / unit.length());

        assertThat(LABELER.label(text)).isEmpty();
    }

    @Test
    @Timeout(10)
    void shouldLabelAMegabyteOfOneRepeatedTermInBoundedTime() {
        List<Label> labels = LABELER.label("固态电池".repeat(ONE_MB / 4));

        assertThat(labels).singleElement().satisfies(label -> {
            assertThat(label.sector()).isEqualTo("batteries");
            assertThat(label.score()).isBetween(0.0, 1.0);
        });
    }

    @Test
    @Timeout(10)
    void shouldLabelAMegabyteOfManyTermsInBoundedTime() {
        String text = "SpaceX星舰 potato chips 推理芯片 a battery of tests 固态电池 驾校 自动驾驶 robot 创新药 ";

        assertThat(LABELER.label(text.repeat(ONE_MB / text.length()))).extracting(Label::sector)
                .contains("space", "chips", "batteries", "driving", "biomed");
    }

    @Test
    void shouldSurviveInvalidSurrogates() {
        String text = "固态电池\uD800 \uDC00自动驾驶\uDBFF" + "\uDFFF\uD83D";

        assertThat(LABELER.label(text)).extracting(Label::sector).containsExactlyInAnyOrder("batteries", "driving");
        assertThat(LABELER.label("\uDC00")).isEmpty();
    }

    @Test
    void shouldLabelAroundEmojiAndZeroWidthCharacters() {
        assertThat(LABELER.label("🚀🚀 SpaceX 🛰️ 星\u200b链 👨‍👩‍👧 🤖")).extracting(Label::sector).containsExactly("space");
        assertThat(LABELER.label("🤖👍🏽🇨🇳")).isEmpty();
    }

    @Test
    void shouldLabelMixedScripts() {
        String text = "Ракета SpaceX, ロケット, 로켓, صاروخ, 인형 humanoid robot, ἀστροναύτης, 固态电池 (solid-state)";

        assertThat(LABELER.label(text)).extracting(Label::sector).containsExactlyInAnyOrder("space", "robots", "batteries");
    }

    @Test
    void shouldNeverThrowOnRandomText() {
        Random random = new Random(42);
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(200)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = random.nextInt(4) == 0 ? "固态电池 chips-星舰驾校".charAt(random.nextInt(13)) : (char) random.nextInt(0x10000);
            }
            String text = new String(chars);
            assertThatCode(() -> LABELER.label(text)).as("text %s", text.chars().boxed().toList()).doesNotThrowAnyException();
        }
    }

    @Test
    void shouldScanEveryCharacterWithoutFailing() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c < 0x10000; c++) {
            all.append((char) c);
        }

        assertThatCode(() -> LABELER.label(all.toString())).doesNotThrowAnyException();
        assertThatCode(() -> LABELER.label(all.reverse().toString())).doesNotThrowAnyException();
    }

    @Test
    void shouldJudgeEachParagraphOnItsOwnSightings() {
        Labeler labeler = new Labeler(Taxonomy.loadDefault());
        String once = "固态电池的能量密度更高";
        List<Label> fresh = labeler.label(once);

        labeler.label("固态电池 ".repeat(40) + "宁德时代 半固态电池 potato chips 地平线");
        labeler.label(EVERY_CAP);

        assertThat(labeler.label(once)).isEqualTo(fresh);
        assertThat(fresh).extracting(Label::sector).containsExactly("batteries");
    }

    @Test
    void shouldGiveTheSameLabelsFromManyThreads() throws Exception {
        List<String> paragraphs = List.of("SpaceX星舰第七次试飞", "固态电池和宁德时代", "I ate potato chips", "萝卜快跑自动驾驶",
                "地平线征程6智驾芯片", "创新药临床试验");
        List<List<Label>> expected = paragraphs.stream().map(LABELER::label).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 2_000; round++) {
                        int i = round % paragraphs.size();
                        if (!LABELER.label(paragraphs.get(i)).equals(expected.get(i))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(1, TimeUnit.MINUTES)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
