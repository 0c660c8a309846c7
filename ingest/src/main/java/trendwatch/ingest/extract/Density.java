package trendwatch.ingest.extract;

import org.jsoup.nodes.Element;

/** Text measures the content scorer uses. */
final class Density {

    private Density() {
    }

    /** jsoup's text() already collapses whitespace; the exotic spaces it keeps barely change a length. */
    static int textLength(Element element) {
        return element.text().length();
    }

    /** Share of the text that sits in links; in-page links ("#top") count less, they are rarely navigation away. */
    static double linkDensity(Element element) {
        int length = textLength(element);
        if (length == 0) {
            return 0;
        }
        double linked = 0;
        for (Element link : element.select("a")) {
            String href = link.attr("href");
            double coefficient = href.startsWith("#") && href.length() > 1 ? 0.3 : 1;
            linked += textLength(link) * coefficient;
        }
        return Math.min(1, linked / length);
    }

    /** Commas and their CJK counterparts: clauses are what sentences of prose are made of. */
    static int commas(String text) {
        int commas = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ',', '，', '、', '；', '。', '\u060C' -> commas++;
                default -> {
                }
            }
        }
        return commas;
    }
}
