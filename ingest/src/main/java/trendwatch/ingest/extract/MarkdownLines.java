package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one raw Markdown line into cleaned {@link Line}s (none, one, or a heading and its text). */
final class MarkdownLines {

    /** Checked with spaces removed ("* * *"); see InlineMarkup.TARGET on avoiding repeated groups. */
    private static final Pattern RULE = Pattern.compile("-{3,}|\\*{3,}|_{3,}|=+");
    private static final Pattern SETEXT_UNDERLINE = Pattern.compile("=+|-+");
    private static final Pattern HEADING = Pattern.compile("#{1,6}(?:\\s+(.*?))?(?:\\s+#+)?");
    private static final Pattern QUOTE = Pattern.compile(">[>\\s]*+(.*)");
    private static final Pattern BULLET = Pattern.compile("[-*+]\\s+(.*)");
    private static final Pattern ORDERED = Pattern.compile("[0-9]{1,3}[.)]\\s+.*");
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("\\[[^\\]]+\\]:\\s*\\S+.*");
    private static final Pattern BARE_URL = Pattern.compile("(?:https?://|ftp://|www\\.)\\S+");

    /** A whole line in bold: "**太空经济：航天平民化，太空资源先到先得**". */
    private static final Pattern ALL_BOLD = Pattern.compile("\\*\\*[^*]+\\*\\*|__[^_]+__");

    /**
     * A short bold lead followed by text on the same line: "**生物医药：…“副厂”** 人的一生…".
     */
    private static final Pattern BOLD_LEAD = Pattern.compile("(\\*\\*[^*]{1,40}\\*\\*|__[^_]{1,40}__)\\s+(\\S.*)");

    /** A bold lead ending like a clause ("**注意：** …", "**这很重要。** …") is emphasis, not a heading. */
    private static final Pattern CLAUSE_END = Pattern.compile(".*[,，、:：;；.。!！?？]");

    private MarkdownLines() {
    }

    /** True when the raw line underlines the line above it into a heading ("Title\n====="). */
    static boolean isSetextUnderline(String raw) {
        return SETEXT_UNDERLINE.matcher(raw.strip()).matches();
    }

    static List<Line> parse(String raw) {
        String line = Whitespace.collapse(raw);
        if (line.isEmpty() || RULE.matcher(line.replace(" ", "")).matches()) {
            return List.of(Line.BREAK);
        }
        Matcher heading = HEADING.matcher(line);
        if (heading.matches()) {
            return inline(Line.Kind.HEADING, heading.group(1) == null ? "" : heading.group(1));
        }
        Matcher quote = QUOTE.matcher(line);
        if (quote.matches()) {
            return inline(Line.Kind.QUOTE, quote.group(1));
        }
        Matcher bullet = BULLET.matcher(line);
        if (bullet.matches()) {
            return inline(Line.Kind.ITEM, bullet.group(1));
        }
        return inline(ORDERED.matcher(line).matches() ? Line.Kind.ITEM : Line.Kind.TEXT, line);
    }

    private static List<Line> inline(Line.Kind kind, String markup) {
        String line = InlineMarkup.dropEmptyEmphasis(markup);
        if (InlineMarkup.isLinkOnly(line)) {
            return List.of(new Line(Line.Kind.LINKS, InlineMarkup.plain(line)));
        }
        if (REFERENCE_DEFINITION.matcher(line).matches()) {
            return List.of(Line.BREAK);
        }
        String linked = InlineMarkup.linkText(line);
        return kind == Line.Kind.TEXT ? boldHeadings(linked) : List.of(cleaned(kind, linked));
    }

    private static List<Line> boldHeadings(String line) {
        if (ALL_BOLD.matcher(line).matches()) {
            return List.of(cleaned(Line.Kind.HEADING, line));
        }
        Matcher lead = BOLD_LEAD.matcher(line);
        if (lead.matches() && !CLAUSE_END.matcher(InlineMarkup.plain(lead.group(1))).matches()) {
            List<Line> split = new ArrayList<>(2);
            split.add(cleaned(Line.Kind.HEADING, lead.group(1)));
            split.add(cleaned(Line.Kind.TEXT, lead.group(2)));
            return split;
        }
        return List.of(cleaned(Line.Kind.TEXT, line));
    }

    private static Line cleaned(Line.Kind kind, String markup) {
        String text = InlineMarkup.plain(markup);
        if (text.isEmpty() || BARE_URL.matcher(text).matches()) {
            return Line.BREAK;
        }
        return new Line(kind, text);
    }
}
