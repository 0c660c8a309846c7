package trendwatch.ingest;

/** A cheap language guess that is enough to tell Chinese from English text. */
public final class Languages {

    private Languages() {
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
