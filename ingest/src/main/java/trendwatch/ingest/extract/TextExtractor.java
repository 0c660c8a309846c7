package trendwatch.ingest.extract;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Turns an article file (HTML, Markdown or plain text) into a title and clean plain text. */
public final class TextExtractor {

    /**
     * Files without a telling extension may still be saved web pages; the doctype or the html
     * element at the very start says so without guessing from tags inside prose.
     */
    private static final Pattern HTML_START =
            Pattern.compile("\\A\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!doctype\\s+html|<html[\\s>])", Pattern.CASE_INSENSITIVE);

    private TextExtractor() {
    }

    /**
     * Extracts the title and body of {@code content}, choosing the format by the extension of
     * {@code fileName}: {@code .html}/{@code .htm} are HTML, anything else is Markdown-ish text.
     *
     * @param fileName the file name or URL path the content came from; may be null
     * @param content the file content
     * @return the title found in the content (or null) and the body, paragraphs separated by one blank line
     */
    public static ExtractedText extract(String fileName, String content) {
        Objects.requireNonNull(content, "content");
        if (isHtml(fileName, content)) {
            return HtmlText.extract(content);
        }
        return MarkdownText.extract(content);
    }

    private static boolean isHtml(String fileName, String content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm") || name.endsWith(".xhtml")) {
            return true;
        }
        return !hasTextExtension(name) && HTML_START.matcher(content).lookingAt();
    }

    private static boolean hasTextExtension(String name) {
        return name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".txt");
    }
}
