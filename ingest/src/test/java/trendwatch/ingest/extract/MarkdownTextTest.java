package trendwatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MarkdownTextTest {

    private static String body(String markdown) {
        return TextExtractor.extract("article.md", markdown).body();
    }

    @Test
    void shouldDropAnImageWhoseUrlIsWrappedOntoTheNextLine() {
        String markdown = "**![](https://mmbiz.qpic.cn/a/640?wx_fmt=other\n&from;=appmsg&tp;=webp)**几乎每年，我都会听到。\n";
        assertThat(body(markdown)).isEqualTo("几乎每年，我都会听到。");
    }

    @Test
    void shouldDropAnImageInTheMiddleOfALine() {
        assertThat(body("发推说“娱乐是有保障的。”![](https://x/y.png?a=1 &b=2)嗯。"))
                .isEqualTo("发推说“娱乐是有保障的。”嗯。");
    }

    @Test
    void shouldDropLinkOnlyLines() {
        String markdown = "[**返回列表页**](/gzh/刘润)\n\n正文。\n\n[](https://a)[](https://b)\n\n[《一》](https://c) | [《二》](https://d)  \n";
        assertThat(body(markdown)).isEqualTo("正文。");
    }

    @Test
    void shouldKeepTheTextOfInlineLinks() {
        assertThat(body("我们也为你[写了文章解读](https://mp.weixin.qq.com/s?a=1#x)。See [the docs](https://d) too."))
                .isEqualTo("我们也为你写了文章解读。See the docs too.");
    }

    @Test
    void shouldKeepTheTextOfLinksWrappedAcrossLinesOrWithParenthesesInTheUrl() {
        assertThat(body("见[报告全文\n](https://x/y\nz)。")).isEqualTo("见报告全文。");
        assertThat(body("See [Rust](https://en.wikipedia.org/wiki/Rust_(language)).")).isEqualTo("See Rust.");
    }

    @Test
    void shouldSurviveHugeLinesOfRepeatedMarkup() {
        String unclosed = "开头[文字](https://x/" + "a".repeat(200_000) + "\n" + "b\n".repeat(100_000);
        assertThat(body(unclosed)).startsWith("开头[文字](https://x/aaa");
        assertThat(body("正文。[x](" + "()".repeat(100_000) + ")")).startsWith("正文。");
        assertThat(body("> ".repeat(100_000) + "引用。")).isEqualTo("引用。");
        assertThat(body("- ".repeat(100_000))).isEmpty();
        assertThat(body("#".repeat(100_000) + " " + "x ".repeat(100_000))).startsWith("#");
    }

    @Test
    void shouldDropBareUrlLines() {
        assertThat(body("正文。\n\nhttps://weibo.com/ttarticle/p/show?id=2309\n\n<https://example.com/x>\n"))
                .isEqualTo("正文。");
    }

    @Test
    void shouldJoinCjkLinesWithoutASpace() {
        assertThat(body("为了改进这一局面，拥有更好更快的宽带\n，除了在地面上继续建设信号基站外，就要在太空里努力了。"))
                .isEqualTo("为了改进这一局面，拥有更好更快的宽带，除了在地面上继续建设信号基站外，就要在太空里努力了。");
    }

    @Test
    void shouldJoinLatinWordsWithOneSpace() {
        assertThat(body("美国厂商生产的AI\nGPU芯片，几乎全面禁止。")).isEqualTo("美国厂商生产的AI GPU芯片，几乎全面禁止。");
        assertThat(body("联合创始人Ilya\nSutskever曾提出。")).isEqualTo("联合创始人Ilya Sutskever曾提出。");
        assertThat(body("Inference is where the money\nwill be spent, says the report.\n"))
                .isEqualTo("Inference is where the money will be spent, says the report.");
    }

    @Test
    void shouldNotJoinLinesThatEndASentence() {
        assertThat(body("第一句话。\n第二句话？\n“第三句。”\nFourth one.\nFifth")).isEqualTo(
                "第一句话。\n\n第二句话？\n\n“第三句。”\n\nFourth one.\n\nFifth");
    }

    @Test
    void shouldNotJoinAcrossABlankLineOrAnImage() {
        assertThat(body("没有句号的一行\n\n下一段。")).isEqualTo("没有句号的一行\n\n下一段。");
        assertThat(body("没有句号的一行\n![](https://x/y.png)\n下一段。")).isEqualTo("没有句号的一行\n\n下一段。");
    }

    @Test
    void shouldNotJoinAHeadingWithTheNextLine() {
        assertThat(body("**太空经济：航天平民化**\n1月16日，一架飞机正在飞行。"))
                .isEqualTo("太空经济：航天平民化\n\n1月16日，一架飞机正在飞行。");
        assertThat(body("## Inference chips\nare the second front.")).isEqualTo("Inference chips\n\nare the second front.");
        assertThat(body("Setext heading\n==============\nbody text.")).isEqualTo("Setext heading\n\nbody text.");
    }

    @Test
    void shouldNotJoinListItems() {
        assertThat(body("- QuantumScape\n- Northvolt\n* CATL")).isEqualTo("QuantumScape\n\nNorthvolt\n\nCATL");
    }

    @Test
    void shouldTreatAnEntirelyBoldLineAsAHeadingEvenWithEmptyBoldPairs() {
        assertThat(body("**人形机器人****：未来，每个人都有一台**\n机器人，机器人。"))
                .isEqualTo("人形机器人：未来，每个人都有一台\n\n机器人，机器人。");
    }

    @Test
    void shouldSplitABoldLeadFromTheTextAfterIt() {
        assertThat(body("**生物医药：全球人民的创新药“副厂”** 人的一生，其实只有生老病死是大事。"))
                .isEqualTo("生物医药：全球人民的创新药“副厂”\n\n人的一生，其实只有生老病死是大事。");
    }

    @Test
    void shouldKeepABoldClauseWithItsSentence() {
        assertThat(body("**注意：** 这不是标题。")).isEqualTo("注意： 这不是标题。");
        assertThat(body("比如，**对新一代技术的漠视。**")).isEqualTo("比如，对新一代技术的漠视。");
    }

    @Test
    void shouldStripEmphasisHeadingQuoteAndRuleMarkers() {
        String markdown = "### 小标题 ###\n\n>\n> 引用的话。\n\n---\n\n* * *\n\n*斜体*、**粗体**和__下划线__，还有`代码`。\n\n5 * 3 = 15\n";
        assertThat(body(markdown)).isEqualTo("小标题\n\n引用的话。\n\n斜体、粗体和下划线，还有代码。\n\n5 * 3 = 15");
    }

    @Test
    void shouldJoinWrappedBlockquoteLinesOnly() {
        assertThat(body("> a quoted sentence that\n> wraps.\nNot quoted.")).isEqualTo("a quoted sentence that wraps.\n\nNot quoted.");
    }

    @Test
    void shouldTakeOnlyALeadingLevelOneHeadingAsTheTitle() {
        ExtractedText withTitle = TextExtractor.extract("a.md", "\n# **2025年**，6大机会\n\n正文。");
        assertThat(withTitle.title()).isEqualTo("2025年，6大机会");
        assertThat(withTitle.body()).isEqualTo("正文。");
        assertThat(TextExtractor.extract("a.md", "## 小节\n\n正文。").title()).isNull();
        assertThat(TextExtractor.extract("a.md", "正文。\n\n# 后面的标题").title()).isNull();
    }

    @Test
    void shouldNormaliseWhitespace() {
        assertThat(body("\uFEFF  第一段\u00A0有\u3000空格。   \r\n\r\n\r\n\r\nSecond\u00A0\u00A0 paragraph.\t\n\n\n"))
                .isEqualTo("第一段 有 空格。\n\nSecond paragraph.");
    }

    @Test
    void shouldDecodeHtmlEntitiesInMarkdown() {
        assertThat(body("R&amp;D &lt;fast&gt; AT&T")).isEqualTo("R&D <fast> AT&T");
    }

    @Test
    void shouldReturnAnEmptyBodyForEmptyInput() {
        assertThat(TextExtractor.extract("empty.txt", "")).isEqualTo(new ExtractedText(null, ""));
        assertThat(TextExtractor.extract("blank", " \n\u3000\n ")).isEqualTo(new ExtractedText(null, ""));
        assertThat(TextExtractor.extract(null, "![](https://x/y.png)\n")).isEqualTo(new ExtractedText(null, ""));
    }

    @Test
    void shouldCutTheFooterAndJoinSoftWrappedMarkdown() throws IOException {
        ExtractedText text = TextExtractor.extract("english-with-references.md", fixture("english-with-references.md"));
        assertThat(text.title()).isEqualTo("Inference chips in 2025");
        assertThat(text.body()).isEqualTo("Training compute has dominated the headlines, but inference is where most of"
                + " the money will be spent. Custom accelerators such as Groq's LPU and Google's TPU are built for it."
                + "\n\nExport controls keep changing the market for high-end GPUs, which pushes buyers towards domestic"
                + " alternatives.");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = MarkdownTextTest.class.getResourceAsStream("/extract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
