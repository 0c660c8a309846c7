package trendwatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real seed: Markdown saved from a WeChat public account, with all its export noise. */
class SeedArticleTest {

    private static final Path SEED = Path.of("../seeds/000_e66a1ed0cdcaae93.txt");

    private static ExtractedText seed;
    private static List<String> paragraphs;

    @BeforeAll
    static void extractSeed() throws IOException {
        seed = TextExtractor.extract(SEED.getFileName().toString(), Files.readString(SEED));
        paragraphs = List.of(seed.body().split("\n\n"));
    }

    @Test
    void shouldTakeTheTitleFromTheLeadingHeading() {
        assertThat(seed.title()).isEqualTo("2025年，6大机会");
        assertThat(paragraphs.get(0)).startsWith("几乎每年，我都会听到这样的声音");
    }

    @Test
    void shouldLeaveNoMarkupLinksOrBoilerplate() {
        assertThat(seed.body()).doesNotContain("![", "](", "http", "**", "返回列表页", "懒人搜索",
                "参考资料", "推荐阅读", "主笔", "品牌推广", "个人观点", "原创文章", "#", ">");
    }

    @Test
    void shouldSeparateParagraphsByExactlyOneBlankLine() {
        assertThat(seed.body()).isEqualTo(seed.body().strip()).doesNotContain("\n\n\n");
        assertThat(paragraphs).allSatisfy(p -> assertThat(p).isNotBlank().doesNotContain("\n").isEqualTo(p.strip()));
    }

    @Test
    void shouldMakeEachSectionHeadingAParagraphOfItsOwn() {
        assertThat(paragraphs).contains(
                "太空经济：航天平民化，太空资源先到先得",
                "人形机器人：未来，每个人都有一台",
                "推理芯片：预训练将死，必须开拓第二战线",
                "固态电池：不想被中国“卡脖子”，就得找别的出路",
                "自动驾驶：量产“五星司机”",
                "生物医药：全球人民的创新药“副厂”");
    }

    @Test
    void shouldSplitABoldHeadingFromTheTextOnItsLine() {
        int heading = paragraphs.indexOf("生物医药：全球人民的创新药“副厂”");
        assertThat(paragraphs.get(heading + 1)).startsWith("人的一生，其实只有生老病死是大事。");
    }

    @Test
    void shouldJoinLinesBrokenMidSentence() {
        assertThat(seed.body())
                .contains("美国厂商生产的AI GPU芯片，几乎全面禁止中国进口。")
                .contains("OpenAI的联合创始人Ilya Sutskever曾提出“预训练将死”。")
                .contains("拥有更好更快的宽带，除了在地面上继续建设信号基站外");
    }

    @Test
    void shouldEndWithTheLastParagraphOfTheArticle() {
        assertThat(paragraphs.get(paragraphs.size() - 1))
                .startsWith("不要害怕错过时代")
                .endsWith("拭目以待。");
    }

    @Test
    void shouldYieldOneParagraphPerArticleParagraph() {
        // 69 when checked by hand against the seed: 6 section headings and 63 text paragraphs
        // (three lines broken mid-sentence joined, one heading split from the text on its line)
        assertThat(paragraphs).hasSizeBetween(66, 72);
    }
}
