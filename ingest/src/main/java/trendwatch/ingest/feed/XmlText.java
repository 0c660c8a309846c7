package trendwatch.ingest.feed;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Repairs the ill-formed XML real feeds are served as, before a strict parser sees it, and refuses
 * DOCTYPE declarations: a DTD is how XXE and entity-expansion bombs get in.
 */
final class XmlText {

    /** The DTDs of RSS 0.91 feeds: public, external, no internal subset, so nothing to expand; dropped, not fetched. */
    private static final Set<String> HARMLESS_DOCTYPES = Set.of(
            "-//netscape communications//dtd rss 0.91//en", "-//userland//dtd rss 0.91//en");

    private static final Pattern DOCTYPE = Pattern.compile("<!DOCTYPE\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern PUBLIC_DOCTYPE = Pattern.compile(
            "<!DOCTYPE\\s+\\w+\\s+PUBLIC\\s+\"([^\"]*)\"(?:\\s+\"[^\"]*\")?\\s*>", Pattern.CASE_INSENSITIVE);

    /** An ampersand that starts no reference: "Q&A", "AT&T", "?a=1&b=2". */
    private static final Pattern LONE_AMPERSAND = Pattern.compile("&(?!#\\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)");

    private static final Pattern NAMED_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]{0,31});");

    private static final Pattern LITERAL = Pattern.compile("<!\\[CDATA\\[.*?]]>|<!--.*?-->", Pattern.DOTALL);

    private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

    /** Characters XML 1.0 forbids; feeds copy them in from databases and word processors. */
    private static final Pattern ILLEGAL_CHARS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

    private XmlText() {
    }

    /** Text a strict XML parser accepts, or a reason why no repair is safe. */
    static String repair(String text) throws Rejected {
        String xml = ILLEGAL_CHARS.matcher(startAtMarkup(text)).replaceAll("");
        xml = dropDoctype(xml);
        // CDATA and comments are literal: "Q&A" in a CDATA title must stay as it is
        Matcher literal = LITERAL.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length() + 64);
        int from = 0;
        while (literal.find()) {
            out.append(fixReferences(xml.substring(from, literal.start()))).append(literal.group());
            from = literal.end();
        }
        return out.append(fixReferences(xml.substring(from))).toString();
    }

    private static String fixReferences(String markup) {
        return replaceHtmlEntities(LONE_AMPERSAND.matcher(markup).replaceAll("&amp;"));
    }

    /** Drops a BOM and anything else (whitespace, blank lines from PHP includes) before the first tag. */
    private static String startAtMarkup(String text) {
        int start = text.indexOf('<');
        return start < 0 ? text : text.substring(start);
    }

    private static String dropDoctype(String xml) throws Rejected {
        Matcher doctype = DOCTYPE.matcher(xml);
        if (!doctype.find()) {
            return xml;
        }
        Matcher known = PUBLIC_DOCTYPE.matcher(xml);
        if (known.find(doctype.start()) && known.start() == doctype.start()
                && HARMLESS_DOCTYPES.contains(known.group(1).toLowerCase(Locale.ROOT).strip())
                && !DOCTYPE.matcher(xml).region(known.end(), xml.length()).find()) {
            return xml.substring(0, known.start()) + xml.substring(known.end());
        }
        throw new Rejected("DOCTYPE is not allowed");
    }

    /**
     * HTML entities (&amp;nbsp;, &amp;eacute;, &amp;mdash;) are undeclared in XML without a DTD; numeric
     * references mean the same and need none. Unknown names become text.
     */
    private static String replaceHtmlEntities(String xml) {
        Matcher m = NAMED_REFERENCE.matcher(xml);
        StringBuilder out = new StringBuilder(xml.length());
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (XML_ENTITIES.contains(name)) {
                replacement = m.group();
            } else if (Entities.isNamedEntity(name)) {
                replacement = numeric(Entities.getByName(name));
            } else {
                replacement = "&amp;" + name + ";";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String numeric(String chars) {
        StringBuilder out = new StringBuilder();
        chars.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        return out.toString();
    }

    /** Input no repair makes safe to parse. */
    static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        Rejected(String reason) {
            super(reason);
        }
    }
}
