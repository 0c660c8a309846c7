package trendwatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoilerplateTest {

    private static final String ARTICLE = "这是正文的第一段，讲了很多事情。\n这是正文的第二段，也讲了很多事情。\n";

    private static String body(String text) {
        return TextExtractor.extract("a.txt", text).body();
    }

    @Test
    void shouldDropNoticesAndDisclaimers() {
        assertThat(body("公众号【懒人搜索】备份，仅供查阅学习\n\n" + ARTICLE + "\n## *个人观点，仅供参考。\n"))
                .isEqualTo("这是正文的第一段，讲了很多事情。\n\n这是正文的第二段，也讲了很多事情。");
    }

    @Test
    void shouldCutEverythingFromAReferencesHeading() {
        assertThat(body(ARTICLE + "\n参考资料 ：\n\n1、《看DAO2025》，未尽研究\n\n后面的任何内容。"))
                .isEqualTo("这是正文的第一段，讲了很多事情。\n\n这是正文的第二段，也讲了很多事情。");
        assertThat(body(ARTICLE + "\n**Further reading:** something else\n")).doesNotContain("something");
    }

    @Test
    void shouldCutAReadingListWrittenAsALink() {
        assertThat(body(ARTICLE + "\n[推荐阅读：](https://x)[《2024，7大机会》](https://y)\n\n还有一段推荐语。"))
                .doesNotContain("推荐语");
    }

    @Test
    void shouldCutCreditsCountersAndContactLines() {
        assertThat(body(ARTICLE + "\n## **主笔****** / 木言声 **编辑** / 二蔓 **版面** / 黄静\n\n尾巴。")).doesNotContain("尾巴", "主笔");
        assertThat(body(ARTICLE + "\n这是刘润公众号的第2507篇原创文章\n\n尾巴。")).doesNotContain("尾巴", "原创");
        assertThat(body(ARTICLE + "\n**品牌推广** | **培训合作** | 转载开白\n尾巴。")).doesNotContain("尾巴", "合作");
        assertThat(body(ARTICLE + "\n- END -\n尾巴。")).doesNotContain("尾巴", "END");
    }

    @Test
    void shouldKeepAFooterMarkerThatComesEarly() {
        String text = "References\n\nThis article is about references in general, and it goes on for a while so that"
                + " the marker sits well inside its first half.\n";
        assertThat(body(text)).startsWith("References\n\nThis article");
    }

    @Test
    void shouldNotTakeLongLinesForNotices() {
        assertThat(Boilerplate.isNotice("个人观点，仅供参考。")).isTrue();
        assertThat(Boilerplate.isNotice("以下数字来自多家机构的公开报告，口径不尽相同，仅供参考，我们在文末列出了每一个来源和它们的计算方法。"))
                .isFalse();
    }

    @Test
    void shouldFindNoFooterWithoutAMarker() {
        assertThat(Boilerplate.footerStart(List.of("a", "", "b"))).isEqualTo(3);
        assertThat(Boilerplate.footerStart(List.of())).isZero();
    }
}
