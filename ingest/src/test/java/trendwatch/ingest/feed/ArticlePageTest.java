package trendwatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticlePageTest {

    private static ExtractedArticle extract(String page) {
        return ArticlePage.extract(Fixtures.read("pages/" + page + ".html"), URI.create("https://example.com/" + page), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"news", "zh-news", "blog-jsonld", "cookie-share", "split-story"})
    void shouldExtractTheMainTextOfRealisticPages(String page) {
        String expected = Fixtures.read("pages/" + page + ".expected.txt");
        assertThat(ShingleF1.f1(extract(page).body(), expected)).as(page).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void shouldLeaveNavigationCommentsRelatedLinksAndCaptionsOut() {
        String body = extract("news").body();
        assertThat(body).doesNotContain("Most read", "gearhead77", "Forty parts an hour is nothing", "Battery recall widens",
                "Photo: Daily Circuit", "Advertisement", "Sign up for our daily newsletter", "Share on X", "All rights reserved");
    }

    @Test
    void shouldKeepHeadingsAndListItemsAsParagraphs() {
        assertThat(extract("news").body().split("\n\n")).contains("Why renting works",
                "Apptronik units sort returnable containers in a logistics hall.");
    }

    @Test
    void shouldReadTheMetadataOfANewsPage() {
        ExtractedArticle article = extract("news");
        assertThat(article.title()).isEqualTo("Humanoid robots clock in at car plants");
        assertThat(article.author()).isEqualTo("Priya Natarajan");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-05-14T06:30:00-04:00"));
        assertThat(article.lang()).isEqualTo("en-US");
        assertThat(article.canonicalUrl()).isEqualTo(URI.create("https://dailycircuit.example.com/tech/2025/05/humanoids-car-plants"));
    }

    @Test
    void shouldTakeAuthorDateAndTitleFromJsonLd() {
        ExtractedArticle article = extract("blog-jsonld");
        assertThat(article.title()).isEqualTo("Why inference chips will eat the AI budget");
        assertThat(article.author()).isEqualTo("Marcus Oyelaran");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-02-18T21:05:00Z"));
    }

    @Test
    void shouldStripTheSiteNameFromTheTitleElement() {
        ExtractedArticle article = extract("zh-news");
        assertThat(article.title()).isEqualTo("宁德时代固态电池中试线投产 能量密度突破500Wh/kg");
        assertThat(extract("split-story").title()).isEqualTo("Starship reaches space on ninth flight");
    }

    @Test
    void shouldReadAChinesePageDateInBeijingTime() {
        ExtractedArticle article = extract("zh-news");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-06-03T10:24:00+08:00"));
        assertThat(article.lang()).isEqualTo("zh-CN");
        assertThat(article.body()).doesNotContain("责任编辑", "相关新闻", "网友评论", "图为");
    }

    @Test
    void shouldUseTheContentSelectorWhenGiven() {
        ExtractedArticle article = ArticlePage.extract(Fixtures.read("pages/news.html"),
                URI.create("https://example.com/news"), ".story-body");
        assertThat(ShingleF1.f1(article.body(), Fixtures.read("pages/news.expected.txt"))).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void shouldFallBackToJsonLdBodyWhenThePageHidesTheText() {
        String html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\","
                + "\"articleBody\":\"" + "First paragraph of the story, long enough to count. ".repeat(12) + "\\nSecond paragraph.\"}"
                + "</script></head><body><div id=\"app\">Loading…</div></body></html>";
        ExtractedArticle article = ArticlePage.extract(html, URI.create("https://example.com/spa"), null);
        assertThat(article.body()).startsWith("First paragraph of the story").endsWith("\n\nSecond paragraph.");
    }

    @Test
    void shouldScoreAPerfectCopyAsOneAndDisjointTextAsZero() {
        assertThat(ShingleF1.f1("one two three four five", "one two three four five")).isCloseTo(1.0, within(1e-9));
        assertThat(ShingleF1.f1("one two three four", "five six seven eight")).isZero();
    }
}
