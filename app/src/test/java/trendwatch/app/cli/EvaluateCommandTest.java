package trendwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintPerSectorScoresMacroMicroAndFalsePositiveRates() throws Exception {
        Path set = Files.writeString(dir.resolve("set.jsonl"), String.join("\n",
                "{\"id\":\"a\",\"text\":\"宁德时代的固态电池能量密度突破500Wh/kg。\",\"labels\":[\"batteries\"]}",
                "{\"id\":\"b\",\"text\":\"I ate a whole bag of potato chips.\",\"labels\":[],\"hard\":true}",
                "{\"id\":\"c\",\"text\":\"The weather was lovely.\",\"labels\":[\"space\"]}"));

        CommandLineRunner result = CommandLineRunner.run("evaluate", "--mistakes", set.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("batteries", "macro F1", "micro F1", "hard negatives: 1, given a label: 0.0 %",
                "c expected [space] got []");
        assertThat(result.out().lines().filter(l -> l.startsWith("space "))).singleElement().asString()
                .contains("0.000");
    }

    @Test
    void shouldNotScoreASetThatNamesNoSectorAsPerfect() throws Exception {
        Path negatives = Files.writeString(dir.resolve("negatives.jsonl"), String.join("\n",
                "{\"id\":\"a\",\"text\":\"I ate a whole bag of potato chips.\",\"labels\":[]}",
                "{\"id\":\"b\",\"text\":\"The weather was lovely.\",\"labels\":[],\"hard\":true}"));

        CommandLineRunner result = CommandLineRunner.run("evaluate", negatives.toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("macro F1 n/a   micro F1 n/a",
                "paragraphs with no label: 2, given one anyway: 0.0 %").doesNotContain("1.000");
    }

    @Test
    void shouldRejectAnUnknownSectorAndABadLineWithExitCodeTwo() throws Exception {
        Path unknown = Files.writeString(dir.resolve("unknown.jsonl"), "{\"text\":\"x\",\"labels\":[\"fusion\"]}\n");
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"text\":\"x\",\"labels\":[]}\nnot json\n");

        CommandLineRunner unknownResult = CommandLineRunner.run("evaluate", unknown.toString());
        CommandLineRunner badResult = CommandLineRunner.run("evaluate", bad.toString());

        assertThat(unknownResult.exitCode()).isEqualTo(2);
        assertThat(unknownResult.err()).contains("[fusion] are not sectors of the taxonomy");
        assertThat(badResult.exitCode()).isEqualTo(2);
        assertThat(badResult.err()).contains("bad.jsonl:2: not valid JSON");
    }
}
