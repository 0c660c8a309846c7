package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** The seed article, line by line, with the default taxonomy: the six sectors it names must all come out. */
class SeedArticleLabelingTest {

    private static final Path SEED = Path.of("../seeds/000_e66a1ed0cdcaae93.txt");
    private static final Labeler LABELER = new Labeler(Taxonomy.loadDefault());
    private static List<String> lines;

    @BeforeAll
    static void readSeed() throws IOException {
        lines = Files.readAllLines(SEED).stream().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void shouldCoverAllSixSectorsAcrossTheSeed() {
        Set<String> sectors = new TreeSet<>();
        lines.forEach(line -> LABELER.label(line).forEach(label -> sectors.add(label.sector())));

        assertThat(sectors).containsExactlyInAnyOrder("space", "robots", "chips", "batteries", "driving", "biomed");
    }

    @Test
    void shouldLabelEachSectionHeadingWithItsSector() {
        assertThat(sectorsOf("**太空经济：航天平民化")).containsExactly("space");
        assertThat(sectorsOf("**人形机器人****：未来")).containsExactly("robots");
        assertThat(sectorsOf("**推理芯片：预训练将死")).containsExactly("chips");
        assertThat(sectorsOf("**固态电池：不想被中国")).containsExactly("batteries");
        assertThat(sectorsOf("**自动驾驶：量产")).containsExactly("driving");
        assertThat(sectorsOf("**生物医药：全球人民")).containsExactly("biomed");
    }

    @Test
    void shouldLabelTheBodyOfEachSectionWithItsSector() {
        assertThat(sectorsOf("什么事？星舰是解体了")).containsExactly("space");
        assertThat(sectorsOf("根据看DAO报告的整理，小鹏小米的机器人")).containsExactly("robots");
        assertThat(sectorsOf("定制推理芯片，是接下来")).containsExactly("chips");
        assertThat(sectorsOf("也就是说，把液态电解液换成")).containsExactly("batteries");
        assertThat(sectorsOf("和你说个案例，你就明白了")).containsExactly("driving");
        assertThat(sectorsOf("不仅民众不乐意，美国药企")).containsExactly("biomed");
    }

    @Test
    void shouldLabelTheSummaryThatNamesAllSixWithAllSix() {
        assertThat(sectorsOf("呼，终于说完了")).hasSize(6);
    }

    @Test
    void shouldGiveNoLabelToImagesLinksAndCredits() {
        assertThat(lines).filteredOn(line -> line.matches("[*#\\s]*(!?\\[[^]]*]\\([^)]*\\)[*\\s]*)+") || line.startsWith("## **主笔"))
                .hasSizeGreaterThan(20)
                .allSatisfy(line -> assertThat(LABELER.label(line)).as(line).isEmpty());
    }

    private static List<String> sectorsOf(String lineStart) {
        List<String> matching = lines.stream().filter(line -> line.contains(lineStart)).toList();
        assertThat(matching).as("seed lines with %s", lineStart).hasSize(1);
        return LABELER.label(matching.get(0)).stream().map(Label::sector).toList();
    }
}
