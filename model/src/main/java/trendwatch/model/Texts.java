package trendwatch.model;

/** Text cut to fit where the contract or a screen has room for only so much. */
public final class Texts {

    private Texts() {
    }

    /**
     * {@code text} itself when it has at most {@code max} characters, else its start and "…", {@code max} characters
     * in all (one fewer rather than split a surrogate pair); null stays null.
     */
    public static String shortened(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
