package trendwatch.ingest.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import trendwatch.ingest.feed.FeedException;
import trendwatch.ingest.feed.Opml;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Durations;
import trendwatch.model.YamlSyntaxError;

/**
 * Reads and validates a sources file ({@code seeds/sources.yaml} by default):
 *
 * <pre>
 * sources:
 *   - {id: ars-tech, type: feed, url: https://feeds.arstechnica.com/arstechnica/technology-lab}
 *   - {id: example-news, type: page, url: https://example.com/news/, links: "article h2 a", content: "div.body"}
 *   - {id: drops, type: folder, path: /srv/articles}
 *   - {id: my-feeds, type: opml, file: feeds.opml}
 * </pre>
 *
 * Feeds and pages take {@code minInterval} (default 5m) and {@code maxInterval} (default 6h); feeds also
 * {@code fullText: auto|always|never} and {@code idFrom: link|guid}. Unknown keys are errors, so a typo
 * never silently disables a setting.
 */
public final class SourcesFile {

    static final Duration DEFAULT_MIN_INTERVAL = Duration.ofMinutes(5);
    static final Duration DEFAULT_MAX_INTERVAL = Duration.ofHours(6);
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Path file;
    private final Set<String> ids = new HashSet<>();
    private final List<SourceSpec> specs = new ArrayList<>();
    private final List<Path> opmlFiles = new ArrayList<>();

    /** The sources of a file, and the files they were read from: it, and the OPML lists it names. */
    public record Loaded(List<SourceSpec> specs, List<Path> files) {
    }

    private SourcesFile(Path file) {
        this.file = file;
    }

    public static List<SourceSpec> load(Path file) {
        return loadWithFiles(file).specs();
    }

    /** As {@link #load}, with the files read, whose changes call for reading it again. */
    public static Loaded loadWithFiles(Path file) {
        SourcesFile sources = new SourcesFile(file);
        List<SourceSpec> specs = sources.read();
        List<Path> files = new ArrayList<>(List.of(file));
        files.addAll(sources.opmlFiles);
        return new Loaded(specs, List.copyOf(files));
    }

    private List<SourceSpec> read() {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        } catch (IOException e) {
            throw new SourcesException(file, null, "cannot read: " + reason(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        JsonNode sources = root.path("sources");
        if (root.isObject() && sources.isNull()) { // every entry commented out: no sources, as an empty file
            return List.of();
        }
        if (!root.isObject() || !sources.isArray()) {
            throw new SourcesException(file, null, "expected a top-level 'sources:' list");
        }
        for (int i = 0; i < sources.size(); i++) {
            entry(i + 1, sources.get(i));
        }
        return List.copyOf(specs);
    }

    private void entry(int number, JsonNode node) {
        String where = "entry " + number + (node.hasNonNull("id") ? " (" + node.get("id").asText() + ")" : "");
        try {
            if (!node.isObject()) {
                throw new IllegalArgumentException("expected a mapping with at least 'id' and 'type'");
            }
            String type = required(node, "type").toLowerCase(Locale.ROOT);
            switch (type) {
                case "feed" -> {
                    allowOnly(node, "id", "type", "url", "minInterval", "maxInterval", "fullText", "idFrom");
                    add(feed(node, id(node), url(node, "url")));
                }
                case "page" -> add(page(node));
                case "folder" -> add(folder(node));
                case "opml" -> opml(node);
                default -> throw new IllegalArgumentException("type '" + type + "' is not one of feed, page, folder,"
                        + " opml");
            }
        } catch (IllegalArgumentException e) {
            throw new SourcesException(file, where, e.getMessage());
        }
    }

    /** A feed; its settings come from {@code node}, a feed entry or the OPML entry that lists it. */
    private SourceSpec.Feed feed(JsonNode node, String id, URI url) {
        Duration min = duration(node, "minInterval", DEFAULT_MIN_INTERVAL);
        Duration max = duration(node, "maxInterval", DEFAULT_MAX_INTERVAL);
        return new SourceSpec.Feed(id, url, min, atLeast(max, min),
                choice(node, "fullText", SourceSpec.FullText.class, SourceSpec.FullText.AUTO),
                choice(node, "idFrom", SourceSpec.IdFrom.class, SourceSpec.IdFrom.LINK));
    }

    private SourceSpec.Page page(JsonNode node) {
        allowOnly(node, "id", "type", "url", "links", "content", "minInterval", "maxInterval");
        Duration min = duration(node, "minInterval", DEFAULT_MIN_INTERVAL);
        Duration max = duration(node, "maxInterval", DEFAULT_MAX_INTERVAL);
        String content = node.hasNonNull("content") ? selector(node.get("content").asText(), "content") : null;
        return new SourceSpec.Page(id(node), url(node, "url"), selector(required(node, "links"), "links"), content,
                min, atLeast(max, min));
    }

    private SourceSpec.Folder folder(JsonNode node) {
        allowOnly(node, "id", "type", "path");
        return new SourceSpec.Folder(id(node), relative(required(node, "path")));
    }

    /** Every feed of an OPML subscription list becomes a feed source named {@code <id>-<n>}. */
    private void opml(JsonNode node) {
        allowOnly(node, "id", "type", "file", "minInterval", "maxInterval", "fullText");
        String prefix = id(node);
        Path opmlFile = relative(required(node, "file"));
        opmlFiles.add(opmlFile);
        List<Opml.OpmlFeed> feeds;
        try {
            feeds = Opml.parse(Files.readString(opmlFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read OPML " + opmlFile + ": " + reason(e));
        } catch (FeedException e) {
            throw new IllegalArgumentException("cannot read OPML " + opmlFile + ": " + firstLine(e.reason()));
        }
        int n = 0;
        for (Opml.OpmlFeed feed : feeds) {
            if (feed.xmlUrl() != null && isHttp(feed.xmlUrl())) {
                add(feed(node, prefix + "-" + ++n, feed.xmlUrl()));
            }
        }
    }

    private void add(SourceSpec spec) {
        if (!ids.add(spec.id())) {
            throw new IllegalArgumentException("id '" + spec.id() + "' is used twice");
        }
        specs.add(spec);
    }

    private static String id(JsonNode node) {
        String id = required(node, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id '" + id + "' must be lower-case letters, digits, '-', '_' or '.'");
        }
        return id;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("'" + field + "' is missing");
        }
        return value.asText().strip();
    }

    private static URI url(JsonNode node, String field) {
        String text = required(node, field);
        try {
            URI uri = new URI(text);
            if (!isHttp(uri) || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + field + "' must be an http or https URL, not '" + text + "'");
            }
            Fetcher.fetchableSource(uri);
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + field + "' is not a valid URL: " + e.getMessage());
        } catch (FetchException e) {
            throw new IllegalArgumentException("'" + field + "' cannot be polled: " + e.getMessage());
        }
    }

    private static boolean isHttp(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private static Duration duration(JsonNode node, String field, Duration fallback) {
        if (!node.hasNonNull(field)) {
            return fallback;
        }
        Duration d = Durations.parse(node.get(field).asText());
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("'" + field + "' of " + d.toMillis() + " ms is shorter than 1 s");
        }
        return d;
    }

    private static Duration atLeast(Duration max, Duration min) {
        if (max.compareTo(min) < 0) {
            throw new IllegalArgumentException("maxInterval is shorter than minInterval");
        }
        return max;
    }

    private static <E extends Enum<E>> E choice(JsonNode node, String field, Class<E> type, E fallback) {
        if (!node.hasNonNull(field)) {
            return fallback;
        }
        String value = node.get(field).asText().strip();
        for (E option : type.getEnumConstants()) {
            if (option.name().equalsIgnoreCase(value)) {
                return option;
            }
        }
        throw new IllegalArgumentException("'" + field + "' is '" + value + "', not one of "
                + List.of(type.getEnumConstants()).stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static String selector(String css, String field) {
        try {
            QueryParser.parse(css);
            return css;
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("'" + field + "' is not a valid CSS selector: " + e.getMessage());
        }
    }

    private static void allowOnly(JsonNode node, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException("unknown key '" + name + "' (allowed: " + List.of(fields) + ")");
            }
        }
    }

    private Path relative(String path) {
        Path p = Path.of(path);
        return p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p).normalize();
    }

    /** A YAML syntax error with the line that lets a user find it. */
    private SourcesException notYaml(JsonProcessingException e) {
        YamlSyntaxError error = YamlSyntaxError.of(e);
        return new SourcesException(file, error.line() > 0 ? "line " + error.line() : null, error.reason());
    }

    /** Java names only the path in most file errors; the path is in the message already, so say what happened. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }
}
