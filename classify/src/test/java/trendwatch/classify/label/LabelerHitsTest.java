package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** Every label says where its evidence is, in the paragraph exactly as it was given. */
class LabelerHitsTest {

    private static final Labeler LABELER = new Labeler(Taxonomy.loadDefault());

    @Test
    void shouldPointAtEachOccurrenceOfEachEvidenceTerm() {
        String text = "固态电池比液态电池好。固态电池要量产了。";

        Label label = only(text);

        assertThat(label.hits()).extracting(Label.Hit::term, Label.Hit::start, Label.Hit::end)
                .containsExactly(tuple("固态电池", 0, 4), tuple("液态电池", 5, 9), tuple("固态电池", 11, 15));
        assertThat(matchedTexts(text, label)).containsExactly("固态电池", "液态电池", "固态电池");
    }

    @Test
    void shouldPointIntoFullWidthText() {
        String text = "新一代ＡＩ芯片和ＧＰＵ。";

        assertThat(matchedTexts(text, only(text))).containsExactly("ＡＩ芯片", "ＧＰＵ");
    }

    @Test
    void shouldPointIntoTraditionalChinese() {
        String text = "台灣的自動駕駛技術，讓無人計程車上路了。";

        Label label = only(text);

        assertThat(label.sector()).isEqualTo("driving");
        assertThat(label.hits()).extracting(Label.Hit::term).containsExactly("自动驾驶", "无人计程车");
        assertThat(matchedTexts(text, label)).containsExactly("自動駕駛", "無人計程車");
    }

    @Test
    void shouldPointPastEmojiAndCollapsedSpaceInMixedText() {
        String text = "🚀🚀 Big news:\u200b  the   Self-Driving 車隊 of Waymo 🚗 grows";

        Label label = only(text);

        assertThat(matchedTexts(text, label)).containsExactly("Self-Driving", "Waymo");
    }

    @Test
    void shouldPointAtTheWholePluralAndTheOriginalCase() {
        String text = "Two ROBOTAXIS and a Humanoid Robot.";

        List<Label> labels = LABELER.label(text);

        assertThat(labels).extracting(Label::sector).containsExactlyInAnyOrder("driving", "robots");
        assertThat(labels).flatExtracting(label -> matchedTexts(text, label))
                .containsExactlyInAnyOrder("ROBOTAXIS", "Humanoid Robot");
    }

    @Test
    void shouldGiveOwnEvidenceNoContext() {
        assertThat(only("星舰第七次试飞").context()).isNull();
    }

    private static Label only(String text) {
        List<Label> labels = LABELER.label(text);
        assertThat(labels).as(text).hasSize(1);
        return labels.get(0);
    }

    private static List<String> matchedTexts(String text, Label label) {
        return label.hits().stream().map(hit -> text.substring(hit.start(), hit.end())).toList();
    }
}
