package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Sector;
import trendwatch.model.taxonomy.Taxonomy;
import trendwatch.model.taxonomy.Term;

/** The matching and scoring rules, one at a time, on a two-sector taxonomy built in code. */
class LabelerRulesTest {

    private static final Sector CHIPS = new Sector("chips", "推理芯片", "AI chips", "AI chips.",
            List.of(new Term("GPU", 1.0), new Term("推理芯片", 1.5), new Term("H20", 1.0), new Term("Wh/kg", 1.0),
                    new Term("AI芯片", 1.5), new Term("export control", 0.4)),
            List.of(new Term("chip", 0.3), new Term("芯片", 0.3)),
            List.of("potato chip", "薯片"));
    private static final Sector DRIVING = new Sector("driving", "自动驾驶", "Autonomous driving", "Driving.",
            List.of(new Term("自动驾驶", 1.5), new Term("robotaxi", 1.5), new Term("地平线机器人", 1.0)),
            List.of(new Term("驾驶", 0.3), new Term("地平线", 0.3)),
            List.of("驾校", "地平线上"));
    private static final Labeler LABELER = new Labeler(new Taxonomy("test", List.of(CHIPS, DRIVING), 0.5));

    @Test
    void shouldMatchLatinTermsOnlyOnWordBoundaries() {
        assertThat(label("GPUSAFE gpuish xgpu")).isEmpty();
        assertThat(label("a GPU, (GPU) and 英伟达GPU芯片")).containsExactly("chips");
    }

    @Test
    void shouldMatchPluralsOfEnglishTerms() {
        assertThat(evidence("two GPUs and robotaxis")).containsExactlyInAnyOrder("GPU", "robotaxi");
        assertThat(label("robotaxiing")).isEmpty();
    }

    @Test
    void shouldLetADigitTouchALetterButNotAnotherDigit() {
        assertThat(label("the H200 ships")).isEmpty();
        assertThat(label("the H20 ships")).containsExactly("chips");
        assertThat(label("260Wh/kg")).containsExactly("chips");
        assertThat(label("8GPU servers")).containsExactly("chips");
    }

    @Test
    void shouldMatchAfterNormalisingWidthCaseHyphensAndSpaces() {
        assertThat(label("ＧＰＵ")).containsExactly("chips");
        assertThat(label("Export-Control\n\n  gpu")).containsExactly("chips");
        assertThat(evidence("export   controls, gpu")).containsExactly("GPU", "export control");
    }

    @Test
    void shouldCountWeakTermsOnlyBesideAStrongTermOfTheSameSector() {
        assertThat(label("chip chip chip 芯片 芯片")).isEmpty();
        assertThat(label("自动驾驶 chip")).containsExactly("driving");
        assertThat(evidence("GPU chip")).containsExactly("GPU", "chip");
    }

    @Test
    void shouldCancelATermInsideANegativeContext() {
        assertThat(evidence("a GPU next to potato chips")).containsExactly("GPU");
        assertThat(evidence("a GPU next to a chip")).containsExactly("GPU", "chip");
    }

    @Test
    void shouldCancelAWeakTermRightBesideANegativeContext() {
        assertThat(evidence("自动驾驶。在驾校学驾驶")).containsExactly("自动驾驶");
        assertThat(evidence("自动驾驶。在驾校学了三个月，后来才懂驾驶")).containsExactly("自动驾驶", "驾驶");
    }

    @Test
    void shouldCountAShorterTermInsideALongerOneOnlyAsTheLonger() {
        assertThat(evidence("推理芯片")).containsExactly("推理芯片");
        assertThat(evidence("地平线机器人")).containsExactly("地平线机器人");
    }

    @Test
    void shouldCountAWordAndItsPluralBothListedOnceOnTheSameChars() {
        Sector vehicles = new Sector("vehicles", "车辆", "Vehicles", "Vehicles.",
                List.of(new Term("car", 0.4), new Term("cars", 0.4), new Term("bus", 0.4), new Term("buses", 0.6)),
                List.of(), List.of());
        Labeler labeler = new Labeler(new Taxonomy("plurals", List.of(vehicles), 0.1));

        assertThat(labeler.label("tested on cars")).singleElement().satisfies(label -> {
            assertThat(label.evidence()).containsExactly("cars");
            assertThat(label.hits()).hasSize(1);
            assertThat(label.score()).isEqualTo(1 - Math.exp(-0.4), within(0.001));
        });
        assertThat(labeler.label("two buses")).singleElement()
                .satisfies(label -> assertThat(label.evidence()).containsExactly("buses"));
        assertThat(labeler.label("a car and two cars")).singleElement()
                .satisfies(label -> assertThat(label.evidence()).containsExactlyInAnyOrder("car", "cars"));

        Sector strongSingular = new Sector("vehicles", "车辆", "Vehicles", "Vehicles.",
                List.of(new Term("car", 0.6)), List.of(new Term("cars", 0.3)), List.of());
        assertThat(new Labeler(new Taxonomy("mixed", List.of(strongSingular), 0.1)).label("tested on cars"))
                .as("the strong word counts where a weak one spans the same chars").singleElement()
                .satisfies(label -> assertThat(label.evidence()).containsExactly("car"));
    }

    @Test
    void shouldLabelOneTextWithEverySectorItsTermsBelongTo() {
        assertThat(label("地平线机器人的AI芯片")).containsExactlyInAnyOrder("driving", "chips");
        assertThat(label("太阳在地平线上，推理芯片")).containsExactly("chips");
    }

    @Test
    void shouldAddALittleForRepeatsWithDiminishingReturn() {
        double once = score("GPU");
        double twice = score("GPU GPU");
        double often = score("GPU ".repeat(50));

        assertThat(once).isEqualTo(1 - Math.exp(-1.0), within(0.001));
        assertThat(twice).isGreaterThan(once);
        assertThat(often).isGreaterThan(twice).isLessThan(score("GPU 推理芯片"));
        assertThat(twice - once).isGreaterThan(score("GPU GPU GPU") - twice);
    }

    @Test
    void shouldNotLabelBelowTheThreshold() {
        assertThat(label("export control")).isEmpty();
        assertThat(label("export control, H20")).containsExactly("chips");
        assertThat(new Labeler(new Taxonomy("strict", List.of(CHIPS), 0.9)).label("GPU")).isEmpty();
    }

    @Test
    void shouldLabelNothingWithASectorThatHasNoTerms() {
        Labeler labeler = new Labeler(new Taxonomy("empty", List.of(new Sector("x", "x", "x", "x"))));

        assertThat(labeler.label("GPU 推理芯片")).isEmpty();
    }

    private static List<String> label(String text) {
        return LABELER.label(text).stream().map(Label::sector).toList();
    }

    private static List<String> evidence(String text) {
        return LABELER.label(text).stream().flatMap(l -> l.evidence().stream()).toList();
    }

    private static double score(String text) {
        return LABELER.label(text).get(0).score();
    }
}
