package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Removes what is never article text, before and after the content is found. */
final class PageCleaner {

    /** Never text a reader reads as part of the article. Captions too: they describe a picture, not the story. */
    private static final String NEVER_TEXT = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "math annotation, link, meta, input, select, option, textarea, button, label, dialog, nav, aside, "
            + "figcaption, [role=navigation], [role=complementary], [role=contentinfo], [role=search], "
            + "[role=dialog], [role=alert], [role=banner]";

    private static final Pattern HIDDEN_STYLE = Pattern.compile("display\\s*:\\s*none|visibility\\s*:\\s*hidden");

    /** A byline, dateline or tag list: page metadata, not prose; only dropped when short. */
    private static final Pattern META_BLOCK = Pattern.compile(
            "byline|author|dateline|timestamp|pubdate|publish-?date|post-?meta|entry-?meta|article-?meta|"
            + "writtenby|tags|tag-?list|keywords|copyright|caption|credit|source-?link|"
            + "(img|pic|photo|image)[-_]?(desc|descr|info|text|title)", Pattern.CASE_INSENSITIVE);

    private static final int MAX_META_CHARS = 120;

    private PageCleaner() {
    }

    static void removeHidden(Document doc) {
        doc.select("[hidden], [aria-hidden=true]").remove();
        for (Element element : doc.select("[style]")) {
            String style = element.attr("style").toLowerCase(Locale.ROOT);
            if (HIDDEN_STYLE.matcher(style).find()) {
                element.remove();
            }
        }
    }

    /** Drops page furniture: elements that never carry text, footers, short headers, and (when asked) unlikely blocks. */
    static void removeFurniture(Document doc, boolean stripUnlikely) {
        doc.select(NEVER_TEXT).remove();
        doc.select("footer").remove();
        // a header holds the headline and byline; a header with a real paragraph is a lead worth keeping
        for (Element header : doc.select("header")) {
            if (!hasLongParagraph(header)) {
                header.remove();
            }
        }
        removeMetaBlocks(doc.body());
        if (stripUnlikely) {
            List<Element> unlikely = new ArrayList<>();
            for (Element element : doc.body().getAllElements()) {
                if (ClassHints.unlikely(element) && isRemovable(element)) {
                    unlikely.add(element);
                }
            }
            unlikely.forEach(Element::remove);
        }
    }

    /** Inside a container a site named as its content: only what is surely not text goes. */
    static void cleanInside(Element root) {
        root.select(NEVER_TEXT).remove();
        removeMetaBlocks(root);
        List<Element> furniture = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            if (element != root && ClassHints.unlikely(element)) {
                furniture.add(element);
            }
        }
        furniture.forEach(Element::remove);
    }

    private static void removeMetaBlocks(Element root) {
        List<Element> meta = new ArrayList<>();
        for (Element element : root.getAllElements()) {
            if (element != root && META_BLOCK.matcher(ClassHints.names(element)).find()
                    && Density.textLength(element) <= MAX_META_CHARS && !element.normalName().equals("p")) {
                meta.add(element);
            }
        }
        meta.forEach(Element::remove);
    }

    private static boolean isRemovable(Element element) {
        String tag = element.normalName();
        return !tag.equals("body") && !tag.equals("html") && !tag.equals("article") && !tag.equals("main")
                && !element.attr("itemprop").equalsIgnoreCase("articleBody")
                && element.closest("table, code, pre") == null;
    }

    private static boolean hasLongParagraph(Element element) {
        for (Element p : element.select("p")) {
            if (Density.textLength(p) >= 80) {
                return true;
            }
        }
        return false;
    }

    /**
     * Readability's conditional clean-up of the content found: blocks that look like furniture by
     * their numbers (many links, images or inputs, few paragraphs, little text) go.
     */
    static void cleanConditionally(Element content, Candidates candidates, boolean weighClasses) {
        List<Element> blocks = content.select("form, fieldset, table, ul, ol, dl, div, section");
        // innermost first, so a container is judged on what is left inside it
        for (int i = blocks.size() - 1; i >= 0; i--) {
            Element block = blocks.get(i);
            if (block != content && block.parent() != null && isFurniture(block, candidates, weighClasses)) {
                block.remove();
            }
        }
    }

    private static boolean isFurniture(Element block, Candidates candidates, boolean weighClasses) {
        int weight = weighClasses ? ClassHints.weight(block) : 0;
        if (weight + candidates.score(block) < 0) {
            return true;
        }
        String text = Whitespace.collapse(block.text());
        if (Density.commas(text) >= 10) {
            return false;
        }
        String tag = block.normalName();
        boolean list = tag.equals("ul") || tag.equals("ol") || tag.equals("dl");
        // one walk instead of a selector per tag: this runs for every block of the content
        int paragraphs = 0;
        int images = 0;
        int items = -100;
        int inputs = 0;
        int embeds = 0;
        for (Element inner : block.getAllElements()) {
            switch (inner.normalName()) {
                case "p" -> paragraphs++;
                case "img" -> images++;
                case "li" -> items++;
                case "input" -> inputs++;
                case "object", "embed", "iframe", "video" -> embeds++;
                default -> {
                }
            }
        }
        double links = Density.linkDensity(block);
        int length = text.length();
        return images > 1 && paragraphs / (double) images < 0.5 && block.closest("figure") == null
                || !list && items > paragraphs
                || inputs > paragraphs / 3
                || !list && length < 25 && (images == 0 || images > 2) && links > 0
                || !list && weight < 25 && links > 0.2
                || list && links > 0.5
                || weight >= 25 && links > 0.5
                || embeds == 1 && length < 75 || embeds > 1;
    }
}
