package trendwatch.ingest.feed;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;

/** OPML subscription lists, as feed readers export them. */
public final class Opml {

    private Opml() {
    }

    /**
     * Every outline with an http(s) xmlUrl, at any depth (folders nest them), in document order, each
     * feed once. Parsed with the same hardening as feeds: no DOCTYPE, no external entities.
     *
     * @throws FeedException when the text is not OPML or cannot be read safely
     */
    public static List<OpmlFeed> parse(String text) throws FeedException {
        Element root = document(text).getRootElement();
        if (!root.getName().equalsIgnoreCase("opml")) {
            throw new FeedException(null, "root element is <" + root.getName() + ">, not <opml>");
        }
        Element body = root.getChild("body", root.getNamespace());
        Map<URI, OpmlFeed> feeds = new LinkedHashMap<>();
        if (body != null) {
            collect(body, feeds);
        }
        return new ArrayList<>(feeds.values());
    }

    private static Document document(String text) throws FeedException {
        try {
            return SafeXml.parse(XmlText.repair(text.strip().replace("\uFEFF", "")));
        } catch (XmlText.Rejected e) {
            throw new FeedException(null, e.getMessage());
        } catch (JDOMException e) {
            throw new FeedException(null, "not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedException(null, "unreadable XML: " + e.getMessage(), e);
        }
    }

    private static void collect(Element parent, Map<URI, OpmlFeed> feeds) {
        for (Element outline : parent.getChildren()) {
            if (!outline.getName().equals("outline")) {
                continue;
            }
            URI xmlUrl = Links.resolve(null, attribute(outline, "xmlUrl"));
            if (xmlUrl != null && xmlUrl.isAbsolute()) {
                String title = Texts.orElse(attribute(outline, "title"), attribute(outline, "text"));
                feeds.putIfAbsent(xmlUrl, new OpmlFeed(title, xmlUrl, Links.resolve(null, attribute(outline, "htmlUrl"))));
            }
            collect(outline, feeds);
        }
    }

    /** Exporters disagree on the case of attribute names ("xmlUrl", "xmlurl"). */
    private static String attribute(Element element, String name) {
        for (var attribute : element.getAttributes()) {
            if (attribute.getName().equalsIgnoreCase(name)) {
                return Texts.blankToNull(attribute.getValue());
            }
        }
        return null;
    }

    /**
     * One subscribed feed.
     *
     * @param title the outline's title (or text), or null
     * @param xmlUrl the feed's URL
     * @param htmlUrl the site's URL, or null
     */
    public record OpmlFeed(String title, URI xmlUrl, URI htmlUrl) {
    }
}
