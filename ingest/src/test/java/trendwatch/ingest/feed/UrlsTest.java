package trendwatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    private static URI canonical(String url) {
        return Urls.canonical(URI.create(url));
    }

    @Test
    void shouldRemoveTrackingParametersAndKeepTheOthersInOrder() {
        assertThat(canonical("https://news.example.com/a?utm_source=tw&b=2&fbclid=X&a=1&gclid=Y&utm_campaign=z&mc_cid=1&mc_eid=2"))
                .isEqualTo(URI.create("https://news.example.com/a?b=2&a=1"));
    }

    @Test
    void shouldRemoveShareParametersOfChineseSites() {
        assertThat(canonical("https://www.example.cn/n/1.html?spm=a2c4g.1&from=timeline&scene=1&isappinstalled=0&page=2"))
                .isEqualTo(URI.create("https://www.example.cn/n/1.html?page=2"));
    }

    @Test
    void shouldKeepOnlyTheIdentifyingParametersOfWeChatArticles() {
        assertThat(canonical("https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=abc&chksm=84&scene=21&sessionid=9#wechat_redirect"))
                .isEqualTo(URI.create("https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=abc"));
    }

    @Test
    void shouldLowerCaseSchemeAndHostAndDropDefaultPortAndFragment() {
        assertThat(canonical("HTTPS://News.Example.COM:443/Path/To?Q=1#section-2"))
                .isEqualTo(URI.create("https://news.example.com/Path/To?Q=1"));
        assertThat(canonical("http://example.com:80")).isEqualTo(URI.create("http://example.com/"));
        assertThat(canonical("http://example.com:8080/x")).isEqualTo(URI.create("http://example.com:8080/x"));
    }

    @Test
    void shouldResolveDotSegmentsAndDropEmptyQueries() {
        assertThat(canonical("https://example.com/a/./b/../c?utm_source=x")).isEqualTo(URI.create("https://example.com/a/c"));
        assertThat(canonical("https://example.com/a?")).isEqualTo(URI.create("https://example.com/a"));
    }

    @Test
    void shouldMatchTrackingNamesCaseInsensitively() {
        assertThat(canonical("https://example.com/a?UTM_Source=x&FBCLID=y&ref=keep"))
                .isEqualTo(URI.create("https://example.com/a?ref=keep"));
    }

    @Test
    void shouldRefuseNonHttpAndRelativeUrls() {
        assertThatThrownBy(() -> canonical("ftp://example.com/a")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://example.com/a");
        assertThatThrownBy(() -> canonical("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canonical("javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldGiveTheSameIdToTheSameArticleReachedByDifferentLinks() {
        String a = Urls.articleId(canonical("https://Example.com/story?utm_medium=email#comments"));
        String b = Urls.articleId(canonical("https://example.com:443/story"));
        assertThat(a).isEqualTo(b).hasSize(16).matches("[0-9a-f]{16}");
    }

    @Test
    void shouldHashTheCanonicalUrlWithSha256() {
        // sha256("https://example.com/") starts with 0f115db062b7c0dd
        assertThat(Urls.articleId(URI.create("https://example.com/"))).isEqualTo("0f115db062b7c0dd");
    }
}
