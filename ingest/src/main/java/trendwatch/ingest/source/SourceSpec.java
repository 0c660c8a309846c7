package trendwatch.ingest.source;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** One entry of the sources file, validated. */
public sealed interface SourceSpec {

    String id();

    /** The source type as written in the file and used as the bounded {@code source_type} metric tag. */
    String type();

    /** How an item's articleId is chosen: from its canonical link (the default) or from the feed's GUID. */
    enum IdFrom { LINK, GUID }

    /** When the article page is fetched for the full text: when the feed has only a summary, always, never. */
    enum FullText { AUTO, ALWAYS, NEVER }

    /** An RSS, Atom or JSON feed. */
    record Feed(String id, URI url, Duration minInterval, Duration maxInterval, FullText fullText, IdFrom idFrom)
            implements SourceSpec {
        @Override
        public String type() {
            return "feed";
        }
    }

    /** A listing page whose article links are found with a CSS selector. */
    record Page(String id, URI url, String links, String content, Duration minInterval, Duration maxInterval)
            implements SourceSpec {
        @Override
        public String type() {
            return "page";
        }
    }

    /** A folder of article files. */
    record Folder(String id, Path path) implements SourceSpec {
        @Override
        public String type() {
            return "folder";
        }
    }
}
