package trendwatch.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;

/**
 * The one XML parser of this package: no DOCTYPE, no external entities or DTDs, no entity
 * expansion. {@link XmlText} already refuses DOCTYPEs; this is the second lock on the same door.
 */
final class SafeXml {

    private SafeXml() {
    }

    static Document parse(String xml) throws JDOMException, IOException {
        return builder().build(new StringReader(xml));
    }

    private static SAXBuilder builder() {
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
        builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        builder.setExpandEntities(false);
        // nothing may be fetched, whatever slips past the features above
        builder.setEntityResolver((publicId, systemId) -> {
            throw new IOException("external entity " + systemId + " refused");
        });
        return builder;
    }
}
