package trendwatch.model.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaxonomyTest {

    private static final String VALID = """
            version: "2025.1"
            threshold: 0.6
            sectors:
              - id: space
                zh: 太空经济
                en: Space economy
                description: Rockets and satellites.
                terms:
                  - weight: 1.5
                    words: [商业航天, reusable rocket]
                  - weight: 0.8
                    words: [4680, NASA]
                needsContext:
                  - weight: 0.3
                    words: [火箭, rocket]
                negative: [火箭队, houston rockets]
              - id: chips
                zh: 推理芯片
                en: AI chips
                description: Inference chips.
                terms:
                  - weight: 1.2
                    words: [推理芯片]
            """;

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheDefaultTaxonomyWithTheSixSectorsOfTheSeed() {
        Taxonomy taxonomy = Taxonomy.loadDefault();

        assertThat(taxonomy.sectorIds()).containsExactly("space", "robots", "chips", "batteries", "driving", "biomed");
        assertThat(taxonomy.version()).matches("2025\\.1\\+[0-9a-f]{8}");
        assertThat(taxonomy.threshold()).isEqualTo(0.5);
        assertThat(taxonomy.findSector("batteries")).hasValueSatisfying(s -> assertThat(s.zh()).isEqualTo("固态电池"));
    }

    @Test
    void shouldGiveEveryDefaultSectorChineseAndEnglishTerms() {
        for (Sector sector : Taxonomy.loadDefault().sectors()) {
            assertThat(sector.terms()).as(sector.id()).hasSizeGreaterThan(50);
            assertThat(sector.terms()).as(sector.id() + " in Chinese")
                    .anySatisfy(t -> assertThat(t.text()).containsPattern("\\p{IsHan}"));
            assertThat(sector.terms()).as(sector.id() + " in English")
                    .anySatisfy(t -> assertThat(t.text()).matches("[A-Za-z][A-Za-z .-]+"));
            assertThat(sector.zh()).isNotBlank();
            assertThat(sector.en()).isNotBlank();
            assertThat(sector.description()).isNotBlank();
        }
    }

    @Test
    void shouldReadSectorsTermsWeightsAndContexts() throws IOException {
        Taxonomy taxonomy = Taxonomy.load(write("t.yaml", VALID));

        assertThat(taxonomy.sectorIds()).containsExactly("space", "chips");
        assertThat(taxonomy.threshold()).isEqualTo(0.6);
        Sector space = taxonomy.sectors().get(0);
        assertThat(space.terms()).containsExactly(new Term("商业航天", 1.5), new Term("reusable rocket", 1.5),
                new Term("4680", 0.8), new Term("NASA", 0.8));
        assertThat(space.needsContext()).containsExactly(new Term("火箭", 0.3), new Term("rocket", 0.3));
        assertThat(space.negative()).containsExactly("火箭队", "houston rockets");
        assertThat(taxonomy.sectors().get(1).negative()).isEmpty();
    }

    @Test
    void shouldVersionTheDeclaredVersionPlusAHashOfTheContent() throws IOException {
        String first = Taxonomy.load(write("a.yaml", VALID)).version();
        String same = Taxonomy.load(write("b.yaml", VALID)).version();
        String edited = Taxonomy.load(write("c.yaml", VALID.replace("weight: 1.2", "weight: 1.3"))).version();
        String commented = Taxonomy.load(write("d.yaml", "# a comment\n" + VALID)).version();

        assertThat(first).matches("2025\\.1\\+[0-9a-f]{8}").isEqualTo(same);
        assertThat(edited).startsWith("2025.1+").isNotEqualTo(first);
        assertThat(commented).isNotEqualTo(first).isNotEqualTo(edited);
    }

    @Test
    void shouldKeepAnUnquotedVersionAsWritten() throws IOException {
        Taxonomy taxonomy = Taxonomy.load(write("t.yaml", VALID.replace("version: \"2025.1\"", "version: 2025.10")));

        assertThat(taxonomy.version()).startsWith("2025.10+");
    }

    @Test
    void shouldDefaultTheThresholdWhenTheFileHasNone() throws IOException {
        Taxonomy taxonomy = Taxonomy.load(write("t.yaml", VALID.replace("threshold: 0.6\n", "")));

        assertThat(taxonomy.threshold()).isEqualTo(Taxonomy.DEFAULT_THRESHOLD);
    }

    /** The line where the parser found the mistake, and the line where the list it broke began. */
    @Test
    void shouldNameTheLineOfAnUnclosedListAndWhereItBegan() throws IOException {
        Path file = write("unclosed.yaml", VALID.replace("[商业航天, reusable rocket]", "[商业航天, reusable rocket"));

        assertFails(file, 11, "not valid YAML: expected ',' or ']', but got :"
                + " (while parsing a flow sequence from line 10)");
    }

    @Test
    void shouldNameFileLineAndReasonForBadIndentation() throws IOException {
        Path file = write("indent.yaml", VALID.replace("    en: AI chips", "      en: AI chips"));

        assertFails(file, 19, "not valid YAML: mapping values are not allowed here");
    }

    /** A key indented too little reads as the end of its mapping; the syntax error is what the user must see. */
    @Test
    void shouldReportBadIndentationAsSuchRatherThanAsAMissingKey() throws IOException {
        Path file = write("indent.yaml", VALID.replace("    en: AI chips", "   en: AI chips"));

        assertFails(file, 19, "not valid YAML");
    }

    @Test
    void shouldRefuseAliasesAndASecondDocument() throws IOException {
        assertFails(write("alias.yaml", VALID.replace("negative: [火箭队, houston rockets]",
                "negative: &neg [火箭队, houston rockets]").replace("words: [推理芯片]\n", "words: [推理芯片]\n"
                + "    negative: *neg\n")), 24, "aliases (*neg) are not supported");
        assertFails(write("two.yaml", VALID + "---\nversion: other\n"), 25, "a second YAML document");
    }

    @Test
    void shouldNameFileLineAndReasonForASectorIdTooLongForATopic() throws IOException {
        String id = "q" + "x".repeat(250);
        Path file = write("long.yaml", VALID.replace("- id: chips", "- id: " + id));

        assertFails(file, 17, "sector id 'qxxxxxxxxxxxxxxxxxxx…' is 251 characters long, more than the 236");
    }

    @Test
    void shouldNameFileLineAndReasonForAnInfiniteWeight() throws IOException {
        assertFails(write("inf.yaml", VALID.replace("weight: 0.8", "weight: .inf")), 11,
                "weight must be a finite number, got .inf");
        assertFails(write("nan.yaml", VALID.replace("weight: 0.8", "weight: .nan")), 11,
                "weight must be a finite number, got .nan");
    }

    @Test
    void shouldNameFileLineAndReasonForADuplicateSectorId() throws IOException {
        Path file = write("dup.yaml", VALID.replace("- id: chips", "- id: space"));

        assertFails(file, 17, "duplicate sector id 'space' (first at line 4)");
    }

    @Test
    void shouldNameFileLineAndReasonForASectorWithoutTerms() throws IOException {
        Path file = write("noterms.yaml", VALID.substring(0, VALID.lastIndexOf("    terms:")));

        assertFails(file, 17, "sector 'chips' has no terms");
    }

    @Test
    void shouldNameFileLineAndReasonForAnEmptyListOfWords() throws IOException {
        Path file = write("empty.yaml", VALID.replace("words: [推理芯片]", "words: []"));

        assertFails(file, 23, "'terms' has an empty list of words");
    }

    @Test
    void shouldNameFileLineAndReasonForANegativeWeight() throws IOException {
        Path file = write("negative.yaml", VALID.replace("weight: 0.8", "weight: -0.8"));

        assertFails(file, 11, "weight must be > 0");
    }

    @Test
    void shouldNameFileLineAndReasonForABadSectorId() throws IOException {
        Path file = write("id.yaml", VALID.replace("- id: chips", "- id: AI Chips"));

        assertFails(file, 17, "sector id 'AI Chips' must match [a-z][a-z0-9_-]*");
    }

    @Test
    void shouldNameFileLineAndReasonForAMisspelledKey() throws IOException {
        Path file = write("typo.yaml", VALID.replace("needsContext:", "needContext:"));

        assertFails(file, 13, "unknown key 'needContext'");
    }

    @Test
    void shouldNameFileLineAndReasonForAWordTwiceInOneSector() throws IOException {
        Path file = write("twice.yaml", VALID.replace("words: [火箭, rocket]", "words: [火箭, Reusable Rocket]"));

        assertFails(file, 15, "'Reusable Rocket' appears twice in this sector (first at line 10)");
    }

    @Test
    void shouldNameFileLineAndReasonForAMissingField() throws IOException {
        Path file = write("nozh.yaml", VALID.replace("    zh: 推理芯片\n", ""));

        assertFails(file, 17, "sector 'chips' is missing 'zh'");
    }

    @Test
    void shouldNameTheFileWhenItIsEmptyOrMissing() throws IOException {
        assertFails(write("blank.yaml", ""), 1, "the file is empty");
        assertThatThrownBy(() -> Taxonomy.load(dir.resolve("absent.yaml")))
                .isInstanceOf(TaxonomyException.class)
                .hasMessageContaining("absent.yaml")
                .hasMessageContaining("cannot read");
    }

    @Test
    void shouldRejectEveryKindOfWrongShapeWithALine() throws IOException {
        Stream.of(VALID.replace("threshold: 0.6", "threshold: 1.5"),
                VALID.replace("threshold: 0.6", "threshold: high"),
                VALID.replace("words: [推理芯片]", "words: 推理芯片"),
                VALID.replace("negative: [火箭队, houston rockets]", "negative: {a: b}"),
                VALID.replace("sectors:", "sectors: 3\nother:"),
                "- just\n- a list\n").forEach(text -> {
                    Path file = dir.resolve("shape" + text.hashCode() + ".yaml");
                    try {
                        Files.writeString(file, text);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    assertThatThrownBy(() -> Taxonomy.load(file))
                            .isInstanceOfSatisfying(TaxonomyException.class, e -> assertThat(e.line()).isPositive())
                            .hasMessageContaining(file.toString());
                });
    }

    private static void assertFails(Path file, int line, String reason) {
        assertThatThrownBy(() -> Taxonomy.load(file))
                .isInstanceOfSatisfying(TaxonomyException.class, e -> {
                    assertThat(e.source()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.reason()).contains(reason);
                })
                .hasMessageStartingWith("taxonomy " + file + ", line " + line + ": ");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
