package trendwatch.ingest.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Entities;

/** JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). */
final class JsonFeeds {

    /** Deep nesting is how a small JSON document exhausts a parser's stack. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
                    .build())
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private JsonFeeds() {
    }

    static ParsedFeed parse(String text, URI feedUrl) throws FeedException {
        JsonNode root = tree(text, feedUrl);
        String version = root.path("version").asText("");
        if (!version.contains("jsonfeed.org/version/")) {
            throw new FeedException(feedUrl, "JSON without a JSON Feed version (\"version\": \"" + version + "\")");
        }
        String lang = text(root, "language");
        ZoneOffset zone = FeedDates.defaultZone(lang);
        List<FeedItem> items = new ArrayList<>();
        for (JsonNode item : root.path("items")) {
            if (item.isObject()) {
                items.add(item(item, feedUrl, lang, zone, author(root)));
            }
        }
        return new ParsedFeed(Texts.plain(text(root, "title")), Links.resolve(feedUrl, text(root, "home_page_url")),
                lang, null, items);
    }

    private static JsonNode tree(String text, URI feedUrl) throws FeedException {
        try {
            JsonNode root = MAPPER.readTree(text.strip());
            if (root == null || !root.isObject()) {
                throw new FeedException(feedUrl, "JSON feed is not an object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new FeedException(feedUrl, "not well-formed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static FeedItem item(JsonNode item, URI feedUrl, String feedLang, ZoneOffset zone, String feedAuthor) {
        String link = text(item, "url") != null ? text(item, "url") : text(item, "external_url");
        String content = text(item, "content_html");
        if (content == null && text(item, "content_text") != null) {
            content = "<p>" + Entities.escape(text(item, "content_text")).replace("\n\n", "</p><p>") + "</p>";
        }
        OffsetDateTime date = FeedDates.parse(text(item, "date_published"), zone);
        String author = author(item);
        String id = item.path("id").isValueNode() ? Texts.blankToNull(item.path("id").asText()) : null;
        return new FeedItem(id, Links.resolve(feedUrl, link), Texts.plain(text(item, "title")),
                author != null ? author : feedAuthor, date, content, text(item, "summary"),
                Texts.orElse(text(item, "language"), feedLang), FeedDates.parse(text(item, "date_modified"), zone));
    }

    /** 1.1 has an "authors" array, 1.0 a single "author". */
    private static String author(JsonNode node) {
        JsonNode authors = node.path("authors");
        JsonNode first = authors.isArray() && !authors.isEmpty() ? authors.get(0) : node.path("author");
        return Texts.plain(text(first, "name"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Texts.blankToNull(value.asText()) : null;
    }
}
