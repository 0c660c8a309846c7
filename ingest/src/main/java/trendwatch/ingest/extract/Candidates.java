package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readability's scoring: every paragraph gives points (for its length and its commas) to its
 * parent, half to its grandparent and less further up; containers start from what their tag and
 * class say, and lose the share of their text that is links. The best-scored container holds the article.
 */
final class Candidates {

    private static final int MIN_PARAGRAPH = 25;
    private static final int ANCESTOR_LEVELS = 5;

    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "td", "blockquote");

    /** Containers whose own text (not in child blocks) makes them a paragraph: sites that write "text<br><br>text". */
    private static final Set<String> TEXT_CONTAINERS = Set.of("div", "section", "article", "span", "font", "center");

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final boolean weighClasses;

    private Candidates(boolean weighClasses) {
        this.weighClasses = weighClasses;
    }

    /** Scores every container under {@code body}; the best first. */
    static Candidates score(Element body, boolean weighClasses) {
        Candidates candidates = new Candidates(weighClasses);
        for (Element element : body.getAllElements()) {
            String text = paragraphText(element);
            if (text != null && text.length() >= MIN_PARAGRAPH) {
                candidates.credit(element, 1 + Density.commas(text) + Math.min(text.length() / 100, 3));
            }
        }
        candidates.scores.replaceAll((element, score) -> score * (1 - Density.linkDensity(element)));
        return candidates;
    }

    double score(Element element) {
        return scores.getOrDefault(element, 0.0);
    }

    boolean scored(Element element) {
        return scores.containsKey(element);
    }

    List<Element> best(int count) {
        List<Element> sorted = new ArrayList<>(scores.keySet());
        sorted.sort(Comparator.comparingDouble((Element element) -> score(element)).reversed());
        return sorted.subList(0, Math.min(count, sorted.size()));
    }

    private static String paragraphText(Element element) {
        if (PARAGRAPHS.contains(element.normalName())) {
            return Whitespace.collapse(element.text());
        }
        if (TEXT_CONTAINERS.contains(element.normalName())) {
            StringBuilder own = new StringBuilder();
            for (Node child : element.childNodes()) {
                if (child instanceof TextNode text) {
                    own.append(text.text());
                } else if (child instanceof Element inline && isInline(inline)) {
                    own.append(inline.text());
                }
            }
            String text = Whitespace.collapse(own.toString());
            return text.isEmpty() ? null : text;
        }
        return null;
    }

    private static boolean isInline(Element element) {
        return switch (element.normalName()) {
            case "a", "b", "strong", "i", "em", "span", "font", "u", "sup", "sub", "code", "mark", "small", "abbr" -> true;
            default -> false;
        };
    }

    private void credit(Element paragraph, double points) {
        Element ancestor = paragraph.parent();
        for (int level = 0; ancestor != null && level < ANCESTOR_LEVELS; level++) {
            if (ancestor.normalName().equals("html")) {
                break;
            }
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.merge(ancestor, initial(ancestor) + points / divider, (old, add) -> old + points / divider);
            ancestor = ancestor.parent();
        }
        // a paragraph-like div is itself a candidate: a page may be one big div of text and <br>s
        if (!PARAGRAPHS.contains(paragraph.normalName())) {
            scores.merge(paragraph, initial(paragraph) + points, (old, add) -> old + points);
        }
    }

    private double initial(Element element) {
        double base = switch (element.normalName()) {
            case "div", "article", "main", "section" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        // the publisher's own markup for the article text outweighs any guess
        double marked = element.attr("itemprop").equalsIgnoreCase("articleBody") ? 30 : 0;
        return base + marked + (weighClasses ? ClassHints.weight(element) : 0);
    }
}
