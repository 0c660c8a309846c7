package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * The main text of a web page, without navigation, share bars, comments, related links, ads and
 * captions: Readability's algorithm (score containers, take the best and the siblings that belong
 * to it, clean it) with its fall-backs when a pass finds too little.
 */
public final class MainContent {

    /** A pass that finds less text than this was too strict; the next pass is more lenient. */
    private static final int ENOUGH_CHARS = 500;

    private MainContent() {
    }

    /**
     * The paragraphs of the page's main content, headings and list items included, captions excluded.
     *
     * @param page the parsed page; not modified
     * @param contentSelector a CSS selector for the content when the site is known; null or blank for automatic
     * @param title the page's title, dropped when the text repeats it as its first line; may be null
     */
    public static List<String> paragraphs(Document page, String contentSelector, String title) {
        if (contentSelector != null && !contentSelector.isBlank()) {
            List<String> selected = selected(page, contentSelector, title);
            if (!selected.isEmpty()) {
                return selected;
            }
        }
        List<String> best = List.of();
        for (Pass pass : Pass.values()) {
            List<String> found = pass.run(page.clone(), title);
            if (length(found) > length(best)) {
                best = found;
            }
            if (length(best) >= ENOUGH_CHARS) {
                break;
            }
        }
        return best;
    }

    private static List<String> selected(Document page, String contentSelector, String title) {
        Document doc = page.clone();
        PageCleaner.removeHidden(doc);
        Elements roots = doc.select(contentSelector);
        List<Element> content = new ArrayList<>();
        for (Element root : roots) {
            // a selector may pick a container and its own children; each text once
            if (content.stream().noneMatch(taken -> root.parents().contains(taken))) {
                PageCleaner.cleanInside(root);
                content.add(root);
            }
        }
        return Paragraphs.of(content, title);
    }

    private static int length(List<String> paragraphs) {
        return paragraphs.stream().mapToInt(String::length).sum();
    }

    /** Readability's retries: each pass drops one of the strict rules that may have removed the article. */
    private enum Pass {
        STRICT(true, true, true),
        KEEP_UNLIKELY(false, true, true),
        IGNORE_CLASSES(false, false, true),
        NO_CLEANING(false, false, false);

        private final boolean stripUnlikely;
        private final boolean weighClasses;
        private final boolean cleanConditionally;

        Pass(boolean stripUnlikely, boolean weighClasses, boolean cleanConditionally) {
            this.stripUnlikely = stripUnlikely;
            this.weighClasses = weighClasses;
            this.cleanConditionally = cleanConditionally;
        }

        List<String> run(Document doc, String title) {
            PageCleaner.removeHidden(doc);
            PageCleaner.removeFurniture(doc, stripUnlikely);
            Candidates candidates = Candidates.score(doc.body(), weighClasses);
            Element top = TopCandidate.find(doc.body(), candidates);
            List<Element> content = Siblings.of(top, candidates);
            if (cleanConditionally) {
                content.forEach(element -> PageCleaner.cleanConditionally(element, candidates, weighClasses));
            }
            return Paragraphs.of(content, title);
        }
    }
}
