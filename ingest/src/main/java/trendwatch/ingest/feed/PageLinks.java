package trendwatch.ingest.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Selector;

/** Article links on a listing page (a news index, a blog's front page, a search result). */
public final class PageLinks {

    private PageLinks() {
    }

    /**
     * The links the selector picks, in page order: absolute (a {@code <base href>} counts), canonical,
     * http(s) only, each once. A selected element that is not a link stands for the first link inside
     * it, so "article h2" works as well as "article h2 a".
     *
     * @param cssSelector a jsoup CSS selector; null or blank means every link on the page
     * @throws IllegalArgumentException when the selector is not valid CSS; the message names it
     */
    public static List<URI> links(String html, URI pageUrl, String cssSelector) {
        var doc = Jsoup.parse(html, pageUrl.toString());
        String selector = cssSelector == null || cssSelector.isBlank() ? "a[href]" : cssSelector;
        List<Element> selected;
        try {
            selected = doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("CSS selector '" + selector + "' is not valid: " + e.getMessage(), e);
        }
        Set<URI> links = new LinkedHashSet<>();
        for (Element element : selected) {
            Element anchor = element.hasAttr("href") ? element : element.selectFirst("a[href]");
            URI link = anchor == null ? null : Links.resolve(base(anchor, pageUrl), anchor.attr("href"));
            URI canonical = link == null ? null : Urls.findCanonical(link);
            if (canonical != null) {
                links.add(canonical);
            }
        }
        return new ArrayList<>(links);
    }

    /** jsoup gives every node the page's {@code <base href>} when there is one. */
    private static URI base(Element anchor, URI pageUrl) {
        URI base = Links.resolve(pageUrl, anchor.baseUri());
        return base != null ? base : pageUrl;
    }
}
