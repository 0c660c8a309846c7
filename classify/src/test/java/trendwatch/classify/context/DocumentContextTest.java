package trendwatch.classify.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import trendwatch.classify.label.Labeler;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** Document context on short made-up articles, one rule per test. */
class DocumentContextTest {

    private static final Taxonomy TAXONOMY = Taxonomy.loadDefault();
    private static final Labeler LABELER = new Labeler(TAXONOMY);
    private static final DocumentContext CONTEXT = new DocumentContext(TAXONOMY);

    @Test
    void shouldGiveAnEnglishSectionsParagraphsTheHeadingsSector() {
        List<List<Label>> labels = apply(
                "Solid-state batteries: the race to mass production",
                "Toyota says its first cars with the new cells will reach showrooms in 2027.",
                "The hard part is yield: thin ceramic layers crack when they are pressed at scale.");

        assertThat(labels.get(1)).singleElement().satisfies(label -> {
            assertThat(label.sector()).isEqualTo("batteries");
            assertThat(label.context()).isEqualTo(Label.FROM_SECTION);
            assertThat(label.score()).isEqualTo(DocumentContext.SECTION_SCORE);
            assertThat(label.evidence()).contains("solid-state batteries");
            assertThat(label.hits()).isEmpty();
        });
        assertThat(labels.get(2)).extracting(Label::sector).containsExactly("batteries");
    }

    @Test
    void shouldDropAnotherSectorNamedOnlyInPassingInsideASection() {
        List<List<Label>> labels = apply(
                "人形机器人：未来，每个人都有一台",
                "宇树科技的人形机器人已经在工厂里搬箱子了。",
                "接下来我们聊聊自动驾驶。");

        assertThat(labels.get(2)).singleElement().satisfies(label -> {
            assertThat(label.sector()).isEqualTo("robots");
            assertThat(label.context()).isEqualTo(Label.FROM_SECTION);
        });
    }

    @Test
    void shouldKeepAnotherSectorThatIsReallyDiscussedInsideASection() {
        List<List<Label>> labels = apply(
                "人形机器人：未来，每个人都有一台",
                "机器人的续航靠电池，宁德时代的固态电池能量密度更高，换电也更方便。");

        assertThat(labels.get(1)).extracting(Label::sector).contains("batteries").doesNotContain("robots");
        assertThat(labels.get(1)).allSatisfy(label -> assertThat(label.context()).isNull());
    }

    @Test
    void shouldEndASectionAtASurveyParagraph() {
        List<List<Label>> labels = apply(
                "生物医药：全球人民的创新药“副厂”",
                "中国新药上市数量接近美国一半。",
                "太空经济、人形机器人、推理芯片、固态电池、自动驾驶、生物医药，都在加速。",
                "不要害怕错过时代。");

        assertThat(labels.get(2)).hasSize(6);
        assertThat(labels.get(3)).isEmpty();
    }

    @Test
    void shouldEndASectionAtAHeadingOfNoSector() {
        List<List<Label>> labels = apply(
                "Autonomous driving",
                "Waymo's robotaxi service now covers all of San Francisco with driverless cars.",
                "Riders said the trip was smooth.",
                "Lunch recommendations",
                "The new noodle shop on Main Street serves a great bowl of ramen for ten dollars.",
                "Their dumplings are also worth a try.");

        assertThat(labels.get(2)).extracting(Label::sector).containsExactly("driving");
        assertThat(labels.subList(3, 6)).allSatisfy(paragraph -> assertThat(paragraph).isEmpty());
    }

    @Test
    void shouldGiveAParagraphBetweenTwoOfTheSameSectorThatSector() {
        List<List<Label>> labels = apply(
                "Waymo now runs its robotaxis in four American cities.",
                "Riders say the novelty fades after two minutes.",
                "Baidu's Apollo Go plans to bring its driverless cars to Europe next year.");

        assertThat(labels.get(1)).singleElement().satisfies(label -> {
            assertThat(label.sector()).isEqualTo("driving");
            assertThat(label.context()).isEqualTo(Label.FROM_NEIGHBOURS);
            assertThat(label.score()).isEqualTo(DocumentContext.NEIGHBOUR_SCORE);
            assertThat(label.evidence()).contains("Waymo", "Apollo Go");
        });
    }

    @Test
    void shouldGiveNothingBetweenNeighboursOfDifferentSectors() {
        List<List<Label>> labels = apply(
                "Waymo now runs its robotaxis in four American cities.",
                "Riders say the novelty fades after two minutes.",
                "CATL's new sodium-ion battery goes into production.");

        assertThat(labels.get(1)).isEmpty();
    }

    @Test
    void shouldNotLendABorrowedLabelFurther() {
        List<List<Label>> labels = apply(
                "Waymo now runs its robotaxis in four American cities.",
                "Riders say the novelty fades after two minutes.",
                "Nobody tips.",
                "Waymo's driverless cars will reach Miami next.");

        assertThat(labels.get(1)).isEmpty();
        assertThat(labels.get(2)).isEmpty();
    }

    @Test
    void shouldLeaveAnArticleWithoutHeadingsOrSharedNeighboursAsItIs() {
        List<String> texts = List.of("SpaceX launched 24 Starlink satellites.", "The weather was fine.");
        List<List<Label>> own = texts.stream().map(LABELER::label).toList();

        assertThat(CONTEXT.apply(texts, own)).isEqualTo(own);
        assertThat(CONTEXT.apply(List.of(), List.of())).isEmpty();
    }

    @Test
    void shouldRejectLabelsThatDoNotMatchTheParagraphs() {
        assertThatThrownBy(() -> CONTEXT.apply(List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 paragraphs but 0");
    }

    private static List<List<Label>> apply(String... paragraphs) {
        List<String> texts = List.of(paragraphs);
        return CONTEXT.apply(texts, texts.stream().map(LABELER::label).toList());
    }
}
