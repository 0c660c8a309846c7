package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** HTML pages to clean text: the title, and the main content as paragraphs. */
final class HtmlText {

    /** Elements that never hold article text. */
    private static final String NON_CONTENT = "script, style, noscript, template, nav, header, footer, aside, "
            + "form, button, select, textarea, iframe, object, embed, svg, canvas, dialog, "
            + "[hidden], [aria-hidden=true]";

    /**
     * Class or id words of page furniture. Matched against whole words of the class and id
     * ("share-bar", "navMenu"), so "header" does not count as "ad" nor "shared" as "share".
     */
    private static final Pattern FURNITURE = Pattern.compile("nav|navbar|navigation|menu|menus|submenu|"
            + "share|sharing|social|comment|comments|footer|ad|ads|advert|advertisement|advertising|"
            + "sponsor|sponsored|promo|related|breadcrumb|breadcrumbs|sidebar|cookie|cookies|"
            + "newsletter|subscribe");

    private static final Pattern WORD_BREAK = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])");

    /** Where the article usually is, most specific first; the body when none is present. */
    private static final List<String> CONTENT_ROOTS = List.of(
            "[itemprop=articleBody]", "#js_content", "article", "[role=main]", "main");

    private HtmlText() {
    }

    static ExtractedText extract(String html) {
        Document doc = Jsoup.parse(html);
        String title = title(doc);
        removeFurniture(doc);
        List<String> blocks = HtmlBlocks.paragraphs(contentRoot(doc));
        List<String> body = new ArrayList<>();
        for (String paragraph : blocks.subList(0, Boilerplate.footerStart(blocks))) {
            // a heading repeating the title is the title, not body text
            boolean repeatsTitle = body.isEmpty() && paragraph.equals(title);
            if (!repeatsTitle && !Boilerplate.isNotice(paragraph)) {
                body.add(paragraph);
            }
        }
        return new ExtractedText(title, String.join("\n\n", body));
    }

    /** The title element, else og:title, else the first h1; null when the page has none. */
    static String title(Document doc) {
        String title = Whitespace.collapse(doc.title());
        if (title.isEmpty()) {
            Element og = doc.selectFirst("meta[property=og:title], meta[name=og:title]");
            title = og == null ? "" : Whitespace.collapse(og.attr("content"));
        }
        if (title.isEmpty()) {
            Element h1 = doc.selectFirst("h1");
            title = h1 == null ? "" : Whitespace.collapse(h1.text());
        }
        return title.isEmpty() ? null : title;
    }

    private static void removeFurniture(Document doc) {
        doc.select(NON_CONTENT).remove();
        int pageText = doc.body().text().length();
        List<Element> furniture = new ArrayList<>();
        for (Element element : doc.body().getAllElements()) {
            if (element != doc.body() && looksLikeFurniture(element) && !holdsMostOf(element, pageText)) {
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
    }

    private static boolean looksLikeFurniture(Element element) {
        String names = element.className() + " " + element.id();
        for (String word : WORD_BREAK.split(names)) {
            if (FURNITURE.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A wrapper classed "has-comments" or "menu-open" around the whole page is not furniture. */
    private static boolean holdsMostOf(Element element, int pageText) {
        return element.text().length() * 2 > pageText;
    }

    private static Element contentRoot(Document doc) {
        for (String selector : CONTENT_ROOTS) {
            Element root = doc.selectFirst(selector);
            if (root != null && !root.text().isBlank()) {
                return root;
            }
        }
        return doc.body();
    }
}
