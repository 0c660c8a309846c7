package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Collects the text of an element as paragraphs, one per block (p, h1-h6, li, div text, …). */
final class HtmlBlocks implements NodeVisitor {

    /** Elements whose start and end end a paragraph. Everything else is inline. */
    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
            "table", "thead", "tbody", "tfoot", "tr", "caption", "address", "details", "summary",
            "center", "hr", "br");

    /** Table cells run on within their row, but must not glue their words together. */
    private static final Set<String> CELLS = Set.of("td", "th");

    private final List<String> paragraphs = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();

    private HtmlBlocks() {
    }

    static List<String> paragraphs(Element root) {
        HtmlBlocks blocks = new HtmlBlocks();
        NodeTraversor.traverse(blocks, root);
        blocks.flush();
        return blocks.paragraphs;
    }

    @Override
    public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
            current.append(text.text());
        } else if (node instanceof Element element) {
            edge(element);
        }
    }

    @Override
    public void tail(Node node, int depth) {
        if (node instanceof Element element) {
            edge(element);
        }
    }

    private void edge(Element element) {
        String name = element.normalName();
        if (BLOCKS.contains(name)) {
            flush();
        } else if (CELLS.contains(name)) {
            current.append(' ');
        }
    }

    private void flush() {
        String paragraph = Whitespace.collapse(current.toString());
        if (!paragraph.isEmpty()) {
            paragraphs.add(paragraph);
        }
        current.setLength(0);
    }
}
