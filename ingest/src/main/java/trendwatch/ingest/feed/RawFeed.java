package trendwatch.ingest.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * What ROME's model loses, read from the document itself: dates as written (ROME keeps only an
 * instant, not its zone, and gives up on Chinese dates), the guid as given, xml:lang, the elements links
 * were written in (for their {@code xml:base}), and the polling hints ({@code <ttl>}, {@code sy:updatePeriod}).
 */
final class RawFeed {

    /** Date elements in the order they should win: publication over update. */
    private static final List<String> DATE_ELEMENTS = List.of("pubDate", "published", "issued", "date", "created");
    private static final List<String> UPDATED_ELEMENTS = List.of("updated", "modified");

    private static final String SYNDICATION = "http://purl.org/rss/1.0/modules/syndication/";

    private static final Map<String, Duration> PERIODS = Map.of(
            "hourly", Duration.ofHours(1), "daily", Duration.ofDays(1), "weekly", Duration.ofDays(7),
            "monthly", Duration.ofDays(30), "yearly", Duration.ofDays(365));

    private final Element root;
    private final Element channel;

    RawFeed(Element root) {
        this.root = root;
        Element found = child(root, "channel");
        this.channel = found == null ? root : found;
    }

    /** The item and entry elements in document order: under channel (RSS 0.9x/2.0) or the root (RSS 1.0, Atom). */
    List<Element> items() {
        List<Element> items = new ArrayList<>();
        for (Element candidate : concat(root.getChildren(), channel == root ? List.of() : channel.getChildren())) {
            String name = candidate.getName();
            if (name.equals("item") || name.equals("entry")) {
                items.add(candidate);
            }
        }
        return items;
    }

    /** The element that holds the feed's own fields: RSS {@code <channel>}, else the root (Atom {@code <feed>}). */
    Element channel() {
        return channel;
    }

    String lang() {
        String lang = text(channel, "language");
        return lang != null ? lang : xmlLang(root);
    }

    Duration ttl() {
        String ttl = text(channel, "ttl");
        if (ttl != null && ttl.matches("\\d{1,6}")) {
            return Duration.ofMinutes(Long.parseLong(ttl));
        }
        Namespace sy = Namespace.getNamespace(SYNDICATION);
        String period = channel.getChildTextTrim("updatePeriod", sy);
        if (period == null) {
            period = root.getChildTextTrim("updatePeriod", sy);
        }
        Duration length = period == null ? null : PERIODS.get(period.toLowerCase(Locale.ROOT));
        if (length == null) {
            return null;
        }
        String frequency = channel.getChildTextTrim("updateFrequency", sy);
        long times = frequency != null && frequency.matches("\\d{1,6}") ? Math.max(1, Long.parseLong(frequency)) : 1;
        return length.dividedBy(times);
    }

    /** The item's publication date as written, or null. */
    static String date(Element item) {
        return first(item, DATE_ELEMENTS);
    }

    /** The item's modification date as written, or null. */
    static String updated(Element item) {
        return first(item, UPDATED_ELEMENTS);
    }

    private static String first(Element item, List<String> names) {
        for (String name : names) {
            String text = text(item, name);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    static String guid(Element item) {
        String guid = text(item, "guid");
        if (guid == null) {
            guid = text(item, "id");
        }
        if (guid == null) {
            guid = item.getAttributeValue("about", Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"));
        }
        return guid;
    }

    /**
     * The {@code <link>} child of {@code parent} that says {@code href}: an Atom link by its href attribute, an RSS
     * link by its text; null when none does (ROME took the link from elsewhere, such as a guid).
     */
    static Element link(Element parent, String href) {
        if (href == null) {
            return null;
        }
        for (Element child : parent.getChildren()) {
            if (child.getName().equals("link") && href.strip().equals(said(child))) {
                return child;
            }
        }
        return null;
    }

    private static String said(Element link) {
        String href = link.getAttributeValue("href");
        return href != null ? href.strip() : link.getTextTrim();
    }

    static String lang(Element item) {
        String lang = xmlLang(item);
        return lang != null ? lang : text(item, "language");
    }

    private static String xmlLang(Element element) {
        String lang = element.getAttributeValue("lang", Namespace.XML_NAMESPACE);
        return lang == null || lang.isBlank() ? null : lang.strip();
    }

    /** The trimmed text of the first child with this local name in any namespace; null when absent or blank. */
    static String text(Element parent, String localName) {
        Element child = child(parent, localName);
        String text = child == null ? null : child.getTextTrim();
        return text == null || text.isEmpty() ? null : text;
    }

    private static Element child(Element parent, String localName) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(localName)) {
                return child;
            }
        }
        return null;
    }

    private static List<Element> concat(List<Element> first, List<Element> second) {
        List<Element> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
