package trendwatch.ingest.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import trendwatch.ingest.extract.MainContent;

/** The article on a web page: its metadata and its main text. */
public final class ArticlePage {

    /** A JSON-LD body shorter than this is a teaser or a description, not the article. */
    private static final int LONG_BODY = 500;

    /** The page text must cover this share of a JSON-LD body to be trusted over it. */
    private static final double COVERAGE = 0.8;

    private ArticlePage() {
    }

    /**
     * Main text of an article page, and what the page says about the article.
     *
     * @param html the page, already decoded
     * @param url the page's URL (after redirects): relative links resolve against it
     * @param contentSelector a CSS selector for the content when the site is known; null for automatic
     */
    public static ExtractedArticle extract(String html, URI url, String contentSelector) {
        Objects.requireNonNull(html, "html");
        Document doc = Jsoup.parse(html, url == null ? "" : url.toString());
        JsonLd ld = JsonLd.of(doc);
        String title = PageMeta.title(doc, ld);
        String lang = PageMeta.lang(doc, ld);
        List<String> paragraphs = MainContent.paragraphs(doc, contentSelector, title);
        boolean selected = contentSelector != null && !contentSelector.isBlank() && !paragraphs.isEmpty();
        List<String> body = selected ? paragraphs : withJsonLd(paragraphs, ld.articleBody());
        return new ExtractedArticle(title, PageMeta.author(doc, ld), PageMeta.publishedAt(doc, ld, lang), lang,
                PageMeta.canonicalUrl(doc, url), String.join("\n\n", body));
    }

    /**
     * The publisher's JSON-LD articleBody is clean text but usually one blob; the page's paragraphs
     * keep their breaks but may carry leftovers. The page's paragraphs that the JSON-LD body contains
     * win when they cover it; else the JSON-LD body, split at its line breaks.
     */
    static List<String> withJsonLd(List<String> paragraphs, String articleBody) {
        String ldText = articleBody == null ? "" : Texts.plain(articleBody.replace("\n", " "));
        if (ldText == null || ldText.length() < LONG_BODY) {
            return paragraphs;
        }
        String ldKey = key(ldText);
        List<String> covered = new ArrayList<>();
        int coveredLength = 0;
        for (String paragraph : paragraphs) {
            if (ldKey.contains(key(paragraph)) || mostWordsIn(paragraph, ldKey)) {
                covered.add(paragraph);
                coveredLength += key(paragraph).length();
            }
        }
        if (coveredLength >= COVERAGE * ldKey.length()) {
            return covered;
        }
        return split(articleBody);
    }

    private static boolean mostWordsIn(String paragraph, String ldKey) {
        String[] words = key(paragraph).split(" ");
        int found = 0;
        for (String word : words) {
            found += ldKey.contains(word) ? 1 : 0;
        }
        return words.length >= 4 && found >= 0.9 * words.length;
    }

    private static List<String> split(String articleBody) {
        String text = articleBody.contains("<") ? Jsoup.parse(articleBody.replace("\n", "<br>")).wholeText() : articleBody;
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split("\\s*\\n\\s*")) {
            String plain = Texts.blankToNull(part.replaceAll("\\s+", " "));
            if (plain != null && seen.add(plain)) {
                parts.add(plain);
            }
        }
        return parts;
    }

    /** Text reduced to what both sources agree on: words, lower case, single spaces. */
    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\u00A0]+", " ").strip();
    }
}
