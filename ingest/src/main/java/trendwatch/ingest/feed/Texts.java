package trendwatch.ingest.feed;

import org.jsoup.Jsoup;

/** Small text helpers shared by the feed readers. */
final class Texts {

    private Texts() {
    }

    /**
     * A title or name as plain text. Feeds put HTML and (double-)escaped entities in titles
     * ("Caf&amp;eacute;", "&lt;b&gt;News&lt;/b&gt;"); what a reader would see is what counts.
     */
    static String plain(String text) {
        if (text == null) {
            return null;
        }
        String plain = text;
        for (int pass = 0; pass < 2 && (plain.indexOf('&') >= 0 || plain.indexOf('<') >= 0); pass++) {
            plain = Jsoup.parse(plain).text();
        }
        return blankToNull(plain.replace('\u00A0', ' ').strip().replaceAll("\\s+", " "));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String orElse(String first, String second) {
        String value = blankToNull(first);
        return value != null ? value : blankToNull(second);
    }
}
