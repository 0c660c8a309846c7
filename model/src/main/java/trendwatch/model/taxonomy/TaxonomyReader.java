package trendwatch.model.taxonomy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import trendwatch.model.Topics;
import trendwatch.model.YamlSyntaxError;

/**
 * Reads a taxonomy from YAML token by token rather than through data binding, because every validation
 * error must name the line it is about (a bound object has lost its location).
 */
final class TaxonomyReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern SECTOR_ID = Pattern.compile("[a-z][a-z0-9_-]*");
    private static final double MAX_WEIGHT = 10;
    private static final int HASH_HEX_CHARS = 8;

    private final String source;
    private final JsonParser parser;
    private final Map<String, Integer> sectorIdLines = new HashMap<>();
    private int keyLine;

    private TaxonomyReader(String source, JsonParser parser) {
        this.source = source;
        this.parser = parser;
    }

    static Taxonomy read(String source, byte[] content) {
        try (JsonParser parser = YAML.createParser(content)) {
            checkSyntax(source, content);
            return new TaxonomyReader(source, parser).taxonomy(contentHash(content));
        } catch (JsonProcessingException e) {
            YamlSyntaxError error = YamlSyntaxError.of(e);
            throw new TaxonomyException(source, error.line(), error.reason(), e);
        } catch (IOException e) {
            throw new TaxonomyException(source, 0, "cannot read: " + e, e);
        }
    }

    /**
     * Reads the whole file once before it is checked key by key, so that a syntax error is reported as one rather
     * than as the missing key it hides (a mis-indented {@code en:} reads as the end of its sector). Refuses what
     * the reader would otherwise misread: aliases, and a second document.
     */
    private static void checkSyntax(String source, byte[] content) throws IOException {
        try (YAMLParser parser = YAML.createParser(content)) {
            int depth = 0;
            boolean rootRead = false;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int line = parser.currentTokenLocation().getLineNr();
                if (rootRead) { // the parser goes on into the next document without a break
                    throw new TaxonomyException(source, line, "a second YAML document (after ---): a taxonomy"
                            + " file holds one");
                }
                if (parser.isCurrentAlias()) {
                    throw new TaxonomyException(source, line, "aliases (*" + parser.getText() + ") are not"
                            + " supported: write the words out");
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                rootRead = depth == 0;
            }
        }
    }

    private Taxonomy taxonomy(String hash) throws IOException {
        if (parser.nextToken() == null) {
            throw new TaxonomyException(source, 1, "the file is empty");
        }
        int line = expect(JsonToken.START_OBJECT, "the taxonomy must be a mapping with version, threshold and sectors");
        String version = null;
        double threshold = Taxonomy.DEFAULT_THRESHOLD;
        List<Sector> sectors = null;
        Set<String> keys = new HashSet<>();
        for (String key = nextKey(keys, "the taxonomy"); key != null; key = nextKey(keys, "the taxonomy")) {
            switch (key) {
                case "version" -> version = text("version");
                case "threshold" -> threshold = threshold();
                case "sectors" -> sectors = sectors();
                default -> throw unknownKey(key, "version, threshold, sectors");
            }
        }
        require(version, "version", "the taxonomy", line);
        require(sectors, "sectors", "the taxonomy", line);
        if (sectors.isEmpty()) {
            throw new TaxonomyException(source, line, "the taxonomy has no sectors");
        }
        return new Taxonomy(version + "+" + hash, sectors, threshold);
    }

    private double threshold() throws IOException {
        double value = number("threshold");
        if (!(value > 0 && value <= 1)) {
            throw fail("threshold must be in (0, 1], got " + parser.getText());
        }
        return value;
    }

    private List<Sector> sectors() throws IOException {
        expect(JsonToken.START_ARRAY, "'sectors' must be a list of sectors");
        List<Sector> sectors = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            sectors.add(sector());
        }
        return sectors;
    }

    private Sector sector() throws IOException {
        int line = expect(JsonToken.START_OBJECT, "a sector must be a mapping with id, zh, en, description, terms");
        Map<String, String> texts = new HashMap<>();
        Map<String, Integer> words = new HashMap<>();
        List<Term> terms = null;
        List<Term> needsContext = List.of();
        List<String> negative = List.of();
        Set<String> keys = new HashSet<>();
        for (String key = nextKey(keys, "a sector"); key != null; key = nextKey(keys, "a sector")) {
            switch (key) {
                case "id" -> texts.put(key, sectorId());
                case "zh", "en", "description" -> texts.put(key, text(key));
                case "terms" -> terms = termGroups(key, words);
                case "needsContext" -> needsContext = termGroups(key, words);
                case "negative" -> negative = words(key, words, true);
                default -> throw unknownKey(key, "id, zh, en, description, terms, needsContext, negative");
            }
        }
        String what = texts.containsKey("id") ? "sector '" + texts.get("id") + "'" : "the sector";
        for (String required : List.of("id", "zh", "en", "description")) {
            require(texts.get(required), required, what, line);
        }
        if (terms == null || terms.isEmpty()) {
            throw new TaxonomyException(source, line, what + " has no terms");
        }
        return new Sector(texts.get("id"), texts.get("zh"), texts.get("en"), texts.get("description"),
                terms, needsContext, negative);
    }

    private String sectorId() throws IOException {
        String id = text("id");
        if (!SECTOR_ID.matcher(id).matches()) {
            throw fail("sector id '" + id + "' must match " + SECTOR_ID.pattern());
        }
        if (id.length() > Topics.MAX_SECTOR_ID_CHARS) {
            throw fail("sector id '" + id.substring(0, 20) + "…' is " + id.length() + " characters long, more than the "
                    + Topics.MAX_SECTOR_ID_CHARS + " its Kafka topic's name allows");
        }
        Integer first = sectorIdLines.putIfAbsent(id, line());
        if (first != null) {
            throw fail("duplicate sector id '" + id + "' (first at line " + first + ")");
        }
        return id;
    }

    private List<Term> termGroups(String key, Map<String, Integer> seenWords) throws IOException {
        expect(JsonToken.START_ARRAY, "'" + key + "' must be a list of groups, each with a weight and words");
        List<Term> terms = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            terms.addAll(termGroup(key, seenWords));
        }
        return terms;
    }

    private List<Term> termGroup(String key, Map<String, Integer> seenWords) throws IOException {
        String what = "a group of '" + key + "'";
        int line = expect(JsonToken.START_OBJECT, what + " must be a mapping with weight and words");
        Double weight = null;
        List<String> words = null;
        Set<String> keys = new HashSet<>();
        for (String k = nextKey(keys, what); k != null; k = nextKey(keys, what)) {
            switch (k) {
                case "weight" -> weight = weight();
                case "words" -> words = words(key, seenWords, false);
                default -> throw unknownKey(k, "weight, words");
            }
        }
        require(weight, "weight", what, line);
        require(words, "words", what, line);
        double w = weight;
        return words.stream().map(text -> new Term(text, w)).toList();
    }

    private double weight() throws IOException {
        double weight = number("weight");
        if (!(weight > 0 && weight <= MAX_WEIGHT)) {
            throw fail("weight must be > 0 and at most " + MAX_WEIGHT + ", got " + parser.getText());
        }
        return weight;
    }

    /** A list of words; a word may appear once per sector, whatever its case, so no term is counted twice. */
    private List<String> words(String key, Map<String, Integer> seenWords, boolean mayBeEmpty) throws IOException {
        int line = expect(JsonToken.START_ARRAY, "'" + key + "' words must be a list, e.g. [word, other word]");
        List<String> words = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            String word = text("a word of '" + key + "'");
            Integer first = seenWords.putIfAbsent(word.toLowerCase(Locale.ROOT), line());
            if (first != null) {
                throw fail("'" + word + "' appears twice in this sector (first at line " + first + ")");
            }
            words.add(word);
        }
        if (words.isEmpty() && !mayBeEmpty) {
            throw new TaxonomyException(source, line, "'" + key + "' has an empty list of words");
        }
        return words;
    }

    /** Advances to the next key of the current mapping and onto its value; null at the end of the mapping. */
    private String nextKey(Set<String> seen, String what) throws IOException {
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String key = parser.currentName();
        keyLine = line();
        if (!seen.add(key)) {
            throw new TaxonomyException(source, keyLine, "duplicate key '" + key + "' in " + what);
        }
        parser.nextToken();
        return key;
    }

    private String text(String what) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || !token.isScalarValue() || token == JsonToken.VALUE_NULL) {
            throw fail(what + " must be a non-empty text, got " + describe(token));
        }
        String text = parser.getText().strip();
        if (text.isEmpty()) {
            throw fail(what + " must be a non-empty text");
        }
        return text;
    }

    private double number(String what) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null || !token.isNumeric()) {
            throw fail(what + " must be a number, got " + describe(token));
        }
        try {
            return parser.getDoubleValue();
        } catch (JsonProcessingException e) { // YAML's .inf and .nan, which Jackson reads as numbers it cannot parse
            throw fail(what + " must be a finite number, got " + parser.getText());
        }
    }

    private int expect(JsonToken expected, String message) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != expected) {
            throw fail(message + ", got " + describe(token));
        }
        return line();
    }

    private String describe(JsonToken token) throws IOException {
        if (token == null) {
            return "the end of the file";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_NULL -> "nothing";
            default -> "'" + parser.getText() + "'";
        };
    }

    private void require(Object value, String key, String what, int line) {
        if (value == null) {
            throw new TaxonomyException(source, line, what + " is missing '" + key + "'");
        }
    }

    private TaxonomyException unknownKey(String key, String expected) {
        return new TaxonomyException(source, keyLine, "unknown key '" + key + "' (expected one of " + expected + ")");
    }

    private TaxonomyException fail(String reason) {
        return new TaxonomyException(source, line(), reason);
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private static String contentHash(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
