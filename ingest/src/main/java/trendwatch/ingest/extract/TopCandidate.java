package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Readability's choice of the container that holds the article, from the scored candidates. */
final class TopCandidate {

    /** How many near-best candidates under one ancestor make that ancestor the article: the text is split up. */
    private static final int MIN_SPLIT_CANDIDATES = 3;

    private TopCandidate() {
    }

    static Element find(Element body, Candidates candidates) {
        List<Element> best = candidates.best(5);
        if (best.isEmpty()) {
            return body;
        }
        Element top = best.get(0);
        top = commonAncestor(top, best, candidates);
        top = betterParent(top, body, candidates);
        // a wrapper around nothing else is the same content, and its siblings are the article's siblings
        while (top.parent() != null && top.parent() != body && top.parent().childrenSize() == 1) {
            top = top.parent();
        }
        return top;
    }

    /** When the best candidates are paragraphs split by ads or images, their common ancestor is the article. */
    private static Element commonAncestor(Element top, List<Element> best, Candidates candidates) {
        double topScore = candidates.score(top);
        List<Element> close = new ArrayList<>();
        for (Element other : best.subList(1, best.size())) {
            if (candidates.score(other) / topScore >= 0.75) {
                close.add(other);
            }
        }
        if (close.size() < MIN_SPLIT_CANDIDATES) {
            return top;
        }
        for (Element ancestor = top.parent(); ancestor != null && !ancestor.normalName().equals("body");
                ancestor = ancestor.parent()) {
            int contained = 0;
            for (Element other : close) {
                if (other == ancestor || isAncestor(ancestor, other)) {
                    contained++;
                }
            }
            if (contained >= MIN_SPLIT_CANDIDATES) {
                return ancestor;
            }
        }
        return top;
    }

    /** A parent scoring higher than the candidate holds more of the article. */
    private static Element betterParent(Element top, Element body, Candidates candidates) {
        double lastScore = candidates.score(top);
        double threshold = lastScore / 3;
        for (Element parent = top.parent(); parent != null && parent != body; parent = parent.parent()) {
            if (!candidates.scored(parent)) {
                continue;
            }
            double score = candidates.score(parent);
            if (score < threshold) {
                break;
            }
            if (score > lastScore) {
                return parent;
            }
            lastScore = score;
        }
        return top;
    }

    private static boolean isAncestor(Element ancestor, Element element) {
        for (Element parent = element.parent(); parent != null; parent = parent.parent()) {
            if (parent == ancestor) {
                return true;
            }
        }
        return false;
    }
}
