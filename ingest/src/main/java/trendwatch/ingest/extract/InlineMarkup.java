package trendwatch.ingest.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.parser.Parser;

/** Inline Markdown: images, links, emphasis and code marks. */
final class InlineMarkup {

    /**
     * The "(url)" part of an image or link. Exporters (WeChat among them) wrap long URLs onto the
     * next line, and some leave spaces in them, so a few line breaks are allowed, a blank line is
     * not. No unbounded repeated groups: Java matches those recursively, and a long line would
     * overflow the stack.
     */
    private static final String TARGET = "\\([^()\\n]*+(?:\\n(?![ \\t]*\\n)[^()\\n]*+){0,3}\\)";

    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*\\]" + TARGET);
    private static final Pattern LINK_TARGET = Pattern.compile("\\]" + TARGET);

    /** Link text wrapped just before its closing bracket: "[2、《…》，机器之心\n](https://…)". */
    private static final Pattern BROKEN_LINK_TEXT = Pattern.compile("\\n[ \\t]*(?=\\]\\()");

    /** A link; its URL may hold one pair of parentheses ("…/wiki/Rust_(language)"). */
    private static final Pattern LINK =
            Pattern.compile("\\[([^\\[\\]]*)\\]\\([^()]*+(?:\\([^()]*+\\)[^()]*+)?\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|ftp)://[^>\\s]+)>");

    /** WeChat closes and reopens bold around nothing ("**人形机器人****：未来…**"). */
    private static final Pattern EMPTY_EMPHASIS = Pattern.compile("\\*\\*\\*\\*|____");

    /** Emphasis marks touch their text; a lone "*" between spaces is arithmetic and stays. */
    private static final Pattern EMPHASIS = Pattern.compile("\\*+(?=\\S)|(?<=\\S)\\*+|__(?=\\S)|(?<=\\S)__");

    private static final Pattern CODE_MARKS = Pattern.compile("`+");

    /** What may sit between the links of a link-only line ("[a](x) | [b](y)", "**[c](z)**"). */
    private static final Pattern LINK_LINE_FILLER = Pattern.compile("[\\s*_|｜·•,，、/]+");

    private InlineMarkup() {
    }

    /**
     * Whole-text repairs that must run before the text is cut into lines: images go (even when
     * their URL is wrapped), and links wrapped across lines are put back on one line.
     */
    static String dropImagesAndUnwrapLinks(String text) {
        String withoutImages = IMAGE.matcher(text).replaceAll("");
        String rejoined = BROKEN_LINK_TEXT.matcher(withoutImages).replaceAll("");
        return LINK_TARGET.matcher(rejoined)
                .replaceAll(m -> Matcher.quoteReplacement(m.group().replace("\n", "")));
    }

    /** Drops empty emphasis pairs, which would otherwise hide whether a line is entirely bold. */
    static String dropEmptyEmphasis(String line) {
        return EMPTY_EMPHASIS.matcher(line).replaceAll("");
    }

    /** True for a line made of links and nothing else worth reading (link lists, "back" links). */
    static boolean isLinkOnly(String line) {
        Matcher links = LINK.matcher(line);
        if (!links.find()) {
            return false;
        }
        return LINK_LINE_FILLER.matcher(links.replaceAll("")).replaceAll("").isEmpty();
    }

    /** Link text without its markup: "[text](url)" becomes "text". */
    static String linkText(String line) {
        return LINK.matcher(line).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /** Inline links to text, then emphasis and code marks off, entities decoded, spaces collapsed. */
    static String plain(String line) {
        String text = AUTOLINK.matcher(linkText(line)).replaceAll("$1");
        text = EMPHASIS.matcher(text).replaceAll("");
        text = CODE_MARKS.matcher(text).replaceAll("");
        return Whitespace.collapse(Parser.unescapeEntities(text, false));
    }
}
