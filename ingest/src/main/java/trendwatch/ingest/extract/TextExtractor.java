package trendwatch.ingest.extract;

/** STUB — to be replaced by the real extractor (same public API). */
public final class TextExtractor {

    private TextExtractor() {
    }

    public static ExtractedText extract(String fileName, String content) {
        return new ExtractedText(null, content.strip());
    }
}
