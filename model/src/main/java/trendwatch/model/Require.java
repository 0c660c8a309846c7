package trendwatch.model;

/** Validation at the edges: a bad message fails with the name of the field that is wrong. */
public final class Require {

    private Require() {
    }

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("missing required field '" + field + "'");
        }
        return value;
    }

    /** A field that is absent or at most {@code max} characters long. */
    public static String atMost(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("field '" + field + "' has " + value.length()
                    + " characters, more than the " + max + " it may have");
        }
        return value;
    }
}
