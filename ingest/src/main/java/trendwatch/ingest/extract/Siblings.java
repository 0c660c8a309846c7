package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** The top candidate's siblings that belong to the article: a lead paragraph, the text after an ad slot. */
final class Siblings {

    private static final Pattern SENTENCE_END = Pattern.compile(".*[.。!?！？]\\s*$", Pattern.DOTALL);

    private Siblings() {
    }

    static List<Element> of(Element top, Candidates candidates) {
        Element parent = top.parent();
        if (parent == null || top.normalName().equals("body")) {
            return new ArrayList<>(List.of(top));
        }
        double topScore = candidates.score(top);
        double threshold = Math.max(10, topScore * 0.2);
        List<Element> content = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top || belongs(sibling, top, topScore, threshold, candidates)) {
                content.add(sibling);
            }
        }
        return content;
    }

    private static boolean belongs(Element sibling, Element top, double topScore, double threshold, Candidates candidates) {
        double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * 0.2 : 0;
        if (candidates.scored(sibling) && candidates.score(sibling) + bonus >= threshold) {
            return true;
        }
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        double links = Density.linkDensity(sibling);
        String text = Whitespace.collapse(sibling.text());
        if (text.length() > 80) {
            return links < 0.25;
        }
        return !text.isEmpty() && links == 0 && SENTENCE_END.matcher(text).matches();
    }
}
