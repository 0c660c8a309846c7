package trendwatch.ingest.feed;

import java.net.URI;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * The base URI in scope at an element (XML Base, which RFC 4287 applies to every Atom URI): the element's own
 * {@code xml:base}, else its ancestors', each itself resolved against the one outside it, and finally the URL the
 * document came from. ROME leaves Atom hrefs as written, so they are resolved with these bases here.
 */
final class XmlBase {

    private XmlBase() {
    }

    static URI of(Element element, URI documentUrl) {
        Element parent = element.getParentElement();
        return within(parent == null ? documentUrl : of(parent, documentUrl), element);
    }

    /** The base at {@code element}, given {@code outer}, the base in scope at its parent. */
    static URI within(URI outer, Element element) {
        // a base that is unreadable or not http(s) would leave every link under it unresolvable: the outer one is
        // the publisher's next best intent
        URI own = Links.resolve(outer, element.getAttributeValue("base", Namespace.XML_NAMESPACE));
        return own != null ? own : outer;
    }
}
