package trendwatch.model.taxonomy;

/** A taxonomy file that cannot be used: says which file, which line (0 when unknown) and why. */
public final class TaxonomyException extends RuntimeException {

    private final String source;
    private final int line;
    private final String reason;

    public TaxonomyException(String source, int line, String reason) {
        this(source, line, reason, null);
    }

    public TaxonomyException(String source, int line, String reason, Throwable cause) {
        super("taxonomy " + source + (line > 0 ? ", line " + line : "") + ": " + reason, cause);
        this.source = source;
        this.line = line;
        this.reason = reason;
    }

    /** The file path, or {@code classpath:/...} for the built-in taxonomy. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
