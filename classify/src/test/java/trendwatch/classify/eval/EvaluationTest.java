package trendwatch.classify.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> SECTORS = List.of("space", "chips");

    @Test
    void shouldScoreEachSectorAndAverageMacroAndMicro() {
        List<LabeledExample> examples = List.of(
                example("1", Set.of("space"), false),
                example("2", Set.of("space"), false),
                example("3", Set.of("chips"), false),
                example("4", Set.of(), true));
        Map<String, Set<String>> predictions = Map.of(
                "1", Set.of("space"),
                "2", Set.of(),
                "3", Set.of("chips", "space"),
                "4", Set.of("chips"));

        EvaluationReport report = Evaluation.evaluate(SECTORS, examples, predictions::get);

        SectorScore space = report.sectors().get(0);
        assertThat(space.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(space.recall()).isCloseTo(0.5, within(1e-9));
        SectorScore chips = report.sectors().get(1);
        assertThat(chips.precision()).isCloseTo(0.5, within(1e-9));
        assertThat(chips.recall()).isCloseTo(1.0, within(1e-9));
        assertThat(chips.f1()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.macroF1()).isCloseTo((0.5 + 2 / 3.0) / 2, within(1e-9));
        assertThat(report.microF1()).isCloseTo(2 * 2 / (2.0 * 2 + 2 + 1), within(1e-9));
        assertThat(report.noLabelParagraphs()).isEqualTo(1);
        assertThat(report.noLabelFalsePositiveRate()).isEqualTo(1.0);
        assertThat(report.hardNegativeRate()).isEqualTo(1.0);
        assertThat(report.mistakes()).extracting(EvaluationReport.Mistake::id).containsExactly("2", "3", "4");
    }

    /** A set of new sectors only must not be averaged with a perfect score for each sector it never names. */
    @Test
    void shouldLeaveASectorNobodyExpectedOrPredictedOutOfTheMacroAverage() {
        Map<String, Set<String>> predictions = Map.of("1", Set.of("space"), "2", Set.of());
        EvaluationReport report = Evaluation.evaluate(SECTORS,
                List.of(example("1", Set.of("space"), false), example("2", Set.of("space"), false)),
                predictions::get);

        assertThat(report.sectors().get(1).f1()).isEqualTo(1.0); // chips: nothing to get wrong
        assertThat(report.macroF1()).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(report.hardNegatives()).isZero();
        assertThat(report.mistakes()).extracting(EvaluationReport.Mistake::id).containsExactly("2");
    }

    @Test
    void shouldReadLabelsAsIdsOrObjectsAndNameABadLine() throws Exception {
        String lines = """
                {"id":"a","text":"x","labels":["space"]}
                {"text":"y","labels":[{"sector":"chips","score":0.9}],"hard":true}

                """;

        List<LabeledExample> examples = EvaluationSet.read("set.jsonl", new BufferedReader(new StringReader(lines)));

        assertThat(examples).extracting(LabeledExample::id).containsExactly("a", "set.jsonl:2");
        assertThat(examples.get(1).labels()).containsExactly("chips");
        assertThat(examples.get(1).hard()).isTrue();
        assertThatThrownBy(() -> EvaluationSet.read("set.jsonl",
                new BufferedReader(new StringReader("{\"text\":\"x\",\"labels\":[]}\n{\"text\":1}"))))
                .hasMessage("set.jsonl:2: expected {\"text\": string, \"labels\": [...]}");
    }

    private static LabeledExample example(String id, Set<String> labels, boolean hard) {
        return new LabeledExample(id, id, labels, hard);
    }
}
