package trendwatch.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trendwatch.ingest.Articles;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.FolderSource;
import trendwatch.ingest.RejectedFileException;
import trendwatch.ingest.feed.ArticlePage;
import trendwatch.ingest.feed.ExtractedArticle;
import trendwatch.ingest.feed.FeedException;
import trendwatch.ingest.feed.FeedItem;
import trendwatch.ingest.feed.FeedParser;
import trendwatch.ingest.feed.ParsedFeed;
import trendwatch.ingest.feed.Urls;
import trendwatch.ingest.fetch.Charsets;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.FetchPolicy;
import trendwatch.ingest.fetch.FetchRequest;
import trendwatch.ingest.fetch.FetchResult;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.ingest.source.FeedArticles;
import trendwatch.ingest.source.SourceSpec;
import trendwatch.model.Article;
import trendwatch.model.Json;
import trendwatch.model.SourceRef;

/**
 * {@code trendwatch parse}: the dry run of ingest. Prints, as JSON lines, the articles each feed, page or
 * file would yield, without a broker; a bad input is one line on stderr and the others go on (exit 2).
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Print the articles each feed, page or file would yield, as JSON lines, without Kafka.")
final class ParseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--full-text", defaultValue = "auto", paramLabel = "auto|always|never",
            description = "Fetch article pages for feeds that carry only summaries (default: ${DEFAULT-VALUE}).")
    String fullText;

    @Parameters(arity = "1..*", paramLabel = "URL|FILE")
    List<String> inputs;

    private static final long FEED_LIMIT = FetchPolicy.defaults().maxBodyBytes();

    private boolean anyBad;

    @Override
    public Integer call() {
        // the operator's own command: like a configured source, it may read feeds on the local network
        FetchPolicy policy = FetchPolicy.defaults().withHostDelay(Duration.ofMillis(500));
        PrintWriter out = spec.commandLine().getOut();
        try (Fetcher fetcher = new Fetcher(policy)) {
            for (String input : inputs) {
                try {
                    parse(input, fetcher, out);
                } catch (FetchException | FeedException | IOException | IllegalArgumentException e) {
                    bad(input, e instanceof NoSuchFileException ? "no such file" : e.getMessage());
                }
            }
        }
        out.flush();
        return anyBad ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private void parse(String input, Fetcher fetcher, PrintWriter out)
            throws FetchException, FeedException, IOException {
        boolean url = input.matches("(?i)^[a-z][a-z0-9+.-]*://.*");
        URI uri = url ? URI.create(input) : Path.of(input).toAbsolutePath().toUri();
        String text;
        if (url) {
            FetchResult fetched = fetcher.fetch(FetchRequest.of(uri));
            uri = fetched.finalUri();
            text = fetched.text();
        } else if (Files.size(Path.of(input)) <= FEED_LIMIT) {
            text = Charsets.decode(Files.readAllBytes(Path.of(input)), null);
        } else {
            text = "";     // too big for a feed: the file reader refuses it with its size
        }
        if (looksLikeFeed(text)) {
            feed(input, uri, text, fetcher, out);
        } else if (url) {
            page(input, uri, text, out);
        } else {
            file(input, out);
        }
    }

    private void feed(String input, URI uri, String text, Fetcher fetcher, PrintWriter out) throws FeedException {
        ParsedFeed feed = FeedParser.parse(text, uri);
        SourceSpec.Feed source = new SourceSpec.Feed("parse", uri, Duration.ofMinutes(5), Duration.ofHours(6),
                SourceSpec.FullText.valueOf(fullText.toUpperCase(Locale.ROOT)), SourceSpec.IdFrom.LINK);
        FeedArticles articles = new FeedArticles(source, fetcher, Clock.systemUTC());
        for (FeedItem item : feed.items()) {
            articles.article(feed, item).ifPresent(article -> print(out, input, article));
        }
    }

    private void page(String input, URI uri, String html, PrintWriter out) {
        ExtractedArticle page = ArticlePage.extract(html, uri, null);
        URI canonical = Urls.canonical(page.canonicalUrl() != null ? page.canonicalUrl() : uri);
        print(out, input, Articles.ofPage(Urls.articleId(canonical), new SourceRef("page", "parse", uri.toString()),
                canonical, page, canonical.toString(), Clock.systemUTC().instant()));
    }

    /** A local file is read exactly as a folder source reads it: extraction, sidecar, size and binary checks. */
    private void file(String input, PrintWriter out) {
        Path file = Path.of(input).toAbsolutePath();
        try {
            print(out, input, new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES, Clock.systemUTC())
                    .read(new FolderSource("parse", file.getParent()), file));
        } catch (RejectedFileException e) {
            bad(input, e.reason());
        }
    }

    private static boolean looksLikeFeed(String text) {
        String head = text.stripLeading().substring(0, Math.min(2048, text.stripLeading().length()))
                .toLowerCase(Locale.ROOT);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || head.startsWith("{") && head.contains("jsonfeed.org");
    }

    private void print(PrintWriter out, String input, Article article) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("source", input);
        row.put("id", article.id());
        row.put("url", article.url());
        row.put("title", article.title());
        row.put("author", article.author());
        row.put("publishedAt", article.publishedAt());
        row.put("lang", article.lang());
        row.put("body", article.body());
        try {
            out.println(Json.MAPPER.writeValueAsString(row));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void bad(String input, String reason) {
        anyBad = true;
        spec.commandLine().getErr().println("trendwatch parse: " + input + ": " + OneLineErrors.reasonAbout(input,
                reason));
    }
}
