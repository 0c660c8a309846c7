package trendwatch.ingest.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org Article a page describes itself with in JSON-LD: publishers fill it for search
 * engines, so it is usually the cleanest source of headline, author, date and even the full text.
 *
 * @param headline the headline, or null
 * @param author the first author's name, or null
 * @param datePublished the publication date as written, or null
 * @param articleBody the article's text, or null
 * @param inLanguage the language, or null
 */
record JsonLd(String headline, String author, String datePublished, String articleBody, String inLanguage) {

    static final JsonLd NONE = new JsonLd(null, null, null, null, null);

    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting", "reportagenewsarticle",
            "analysisnewsarticle", "opinionnewsarticle", "techarticle", "scholarlyarticle", "socialmediaposting",
            "liveblogposting", "posting", "webpage", "report");

    /** Pages embed JSON with raw newlines and tabs in strings; browsers' JSON.parse would refuse, search engines do not. */
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    /** The page's article description; the one with the longest body when there are several. */
    static JsonLd of(Document doc) {
        JsonLd best = NONE;
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                best = better(best, find(MAPPER.readTree(script.data().strip()), 0));
            } catch (JsonProcessingException e) {
                // an invalid block among several is common; the others may still describe the article
                continue;
            }
        }
        return best;
    }

    private static JsonLd find(JsonNode node, int depth) {
        if (node == null || depth > 8) {
            return NONE;
        }
        JsonLd best = NONE;
        if (node.isArray()) {
            for (JsonNode child : node) {
                best = better(best, find(child, depth + 1));
            }
            return best;
        }
        if (!node.isObject()) {
            return NONE;
        }
        if (isArticle(node.path("@type"))) {
            best = new JsonLd(text(node.path("headline")), author(node.path("author")), text(node.path("datePublished")),
                    text(node.path("articleBody")), text(node.path("inLanguage")));
        }
        best = better(best, find(node.get("@graph"), depth + 1));
        return better(best, find(node.get("mainEntity"), depth + 1));
    }

    private static JsonLd better(JsonLd a, JsonLd b) {
        if (a == NONE) {
            return b;
        }
        if (b == NONE) {
            return a;
        }
        int lengthA = a.articleBody == null ? -1 : a.articleBody.length();
        int lengthB = b.articleBody == null ? -1 : b.articleBody.length();
        if (lengthA != lengthB) {
            return lengthB > lengthA ? b : a;
        }
        // a WebPage is the fallback; a real article type describes the story better
        return a.headline == null && b.headline != null ? b : a;
    }

    private static boolean isArticle(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode one : type) {
                if (isArticle(one)) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private static String author(JsonNode author) {
        if (author.isArray()) {
            return author.isEmpty() ? null : author(author.get(0));
        }
        return author.isObject() ? text(author.path("name")) : text(author);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? Texts.blankToNull(node.asText()) : null;
    }
}
