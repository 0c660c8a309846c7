package trendwatch.ingest;

import java.util.Locale;

/**
 * The two languages an article's {@code lang} may name, {@code zh} and {@code en}: a source's own tag when it names
 * one of them, else a cheap guess that is enough to tell Chinese from English text.
 */
public final class Languages {

    private Languages() {
    }

    /** {@code tag} when it names Chinese or English ("zh-CN", "zh_Hant", "EN-us"), else a guess from {@code text}. */
    public static String of(String tag, String text) {
        String known = known(tag);
        return known != null ? known : guess(text);
    }

    /**
     * "zh" or "en" for a language tag of either, whatever its region or script; null for any other language: feeds,
     * pages, sidecars and submissions say "de" or "fr-CA" too, and the labeler knows only the two.
     */
    static String known(String tag) {
        if (tag == null) {
            return null;
        }
        String primary = tag.strip().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return primary.equals("zh") || primary.equals("en") ? primary : null;
    }

    /** "zh" when at least a fifth of the letters are Han characters, else "en"; null for text without letters. */
    public static String guess(String text) {
        long letters = 0;
        long han = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
                    han++;
                }
            }
        }
        if (letters == 0) {
            return null;
        }
        return han * 5 >= letters ? "zh" : "en";
    }
}
