package trendwatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void shouldKeepTheArticleBlocksAndDropPageFurniture() throws IOException {
        ExtractedText text = TextExtractor.extract("article.html", fixture("article.html"));
        assertThat(text.body()).isEqualTo(String.join("\n\n",
                "Café owners and carmakers alike want cells that charge faster.",
                "Why “solid” matters",
                "A solid electrolyte replaces the liquid one.",
                "It is less flammable.",
                "Energy density rises too.",
                "QuantumScape",
                "CATL <300 Wh/kg>",
                "Mass production is planned for 2027."));
    }

    @Test
    void shouldTakeTheTitleFromTheTitleElement() throws IOException {
        assertThat(TextExtractor.extract("article.html", fixture("article.html")).title())
                .isEqualTo("Solid-state batteries & the road ahead");
    }

    @Test
    void shouldFallBackToOgTitleThenToTheFirstH1() {
        String og = "<html><head><meta property=\"og:title\" content=\"OG title\"></head><body><h1>H1</h1><p>x</p></body></html>";
        assertThat(TextExtractor.extract("a.html", og).title()).isEqualTo("OG title");
        ExtractedText h1 = TextExtractor.extract("a.htm", "<body><h1>The &amp; H1</h1><p>Text.</p></body>");
        assertThat(h1.title()).isEqualTo("The & H1");
        assertThat(h1.body()).isEqualTo("Text.");
    }

    @Test
    void shouldDropNavHeaderFooterAndBoilerplateClasses() {
        String html = "<body><header>Site</header><nav>Home</nav><div class=\"main-menu\">Menu</div>"
                + "<p>Kept.</p><div id=\"comment-list\">Nice!</div><div class=\"post-share\">Share</div>"
                + "<div class=\"ads\">Ad</div><ul class=\"relatedArticles\"><li>Other</li></ul>"
                + "<div class=\"shadow header-image\">Also kept.</div><aside>Side</aside><footer>Foot</footer></body>";
        assertThat(TextExtractor.extract("page.html", html).body()).isEqualTo("Kept.\n\nAlso kept.");
    }

    @Test
    void shouldNotDropAWrapperThatHoldsThePage() {
        String html = "<body><div class=\"layout has-sidebar\"><p>The whole article.</p><p>Second paragraph.</p>"
                + "<div class=\"sidebar\">Side</div></div></body>";
        assertThat(TextExtractor.extract("page.html", html).body()).isEqualTo("The whole article.\n\nSecond paragraph.");
    }

    @Test
    void shouldDecodeEntitiesAndNormaliseSpaces() {
        String html = "<p>R&amp;D&nbsp;&nbsp;spending &#8212; &eacute;lan &#x4E2D;&#25991;</p><p>\u3000全角空格\u3000</p>";
        assertThat(TextExtractor.extract("a.HTML", html).body()).isEqualTo("R&D spending — élan 中文\n\n全角空格");
    }

    @Test
    void shouldBreakParagraphsAtLineBreaksAndRunTableCellsOn() {
        String html = "<p>one<br>two</p><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>";
        assertThat(TextExtractor.extract("a.html", html).body()).isEqualTo("one\n\ntwo\n\na b\n\nc");
    }

    @Test
    void shouldRecogniseAnHtmlDocumentWithoutAnHtmlExtension() {
        ExtractedText text = TextExtractor.extract("download", "<!DOCTYPE html><title>T</title><p>Body.</p>");
        assertThat(text).isEqualTo(new ExtractedText("T", "Body."));
        assertThat(TextExtractor.extract("notes.md", "<html> is a tag.").body()).isEqualTo("<html> is a tag.");
    }

    @Test
    void shouldReturnAnEmptyBodyForAnEmptyPage() {
        assertThat(TextExtractor.extract("empty.html", "")).isEqualTo(new ExtractedText(null, ""));
        assertThat(TextExtractor.extract("empty.html", "<html><body><script>x()</script></body></html>"))
                .isEqualTo(new ExtractedText(null, ""));
    }

    @Test
    void shouldCutAFooterInHtmlToo() {
        String html = "<article><p>A long enough first paragraph of the article body.</p><p>Another paragraph of it.</p>"
                + "<h3>References</h3><p>[1] Something.</p></article>";
        assertThat(TextExtractor.extract("a.html", html).body())
                .isEqualTo("A long enough first paragraph of the article body.\n\nAnother paragraph of it.");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = HtmlTextTest.class.getResourceAsStream("/extract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
