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
import trendwatch.ingest.Hashes;
import trendwatch.ingest.Languages;
import trendwatch.ingest.extract.TextExtractor;
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
        } else {
            text = Charsets.decode(Files.readAllBytes(Path.of(input)), null);
        }
        if (looksLikeFeed(text)) {
            feed(input, uri, text, fetcher, out);
        } else if (url || looksLikeHtml(input, text)) {
            page(input, uri, text, out);
        } else {
            file(input, text, out);
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
        print(out, input, new Article(Article.SCHEMA, Urls.articleId(canonical),
                new SourceRef("page", "parse", uri.toString()), canonical.toString(), page.title(),
                page.author(), canonical.getHost(), page.lang() != null ? page.lang() : Languages.guess(page.body()),
                page.publishedAt() == null ? null : page.publishedAt().toInstant(), Clock.systemUTC().instant(),
                page.body(), Hashes.contentHash(page.title(), page.body())));
    }

    private void file(String input, String text, PrintWriter out) {
        var extracted = TextExtractor.extract(Path.of(input).getFileName().toString(), text);
        if (extracted.body().isBlank()) {
            bad(input, "no text left after extraction");
            return;
        }
        print(out, input, new Article(Article.SCHEMA, Hashes.fileArticleId("parse", input),
                new SourceRef("folder", "parse", null), null, extracted.title(), null, null,
                Languages.guess(extracted.body()), null, Clock.systemUTC().instant(), extracted.body(),
                Hashes.contentHash(extracted.title(), extracted.body())));
    }

    private static boolean looksLikeFeed(String text) {
        String head = text.stripLeading().substring(0, Math.min(2048, text.stripLeading().length()))
                .toLowerCase(Locale.ROOT);
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
                || head.startsWith("{") && head.contains("jsonfeed.org");
    }

    private static boolean looksLikeHtml(String input, String text) {
        String name = input.toLowerCase(Locale.ROOT);
        String head = text.stripLeading().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") || head.startsWith("<!doctype html")
                || head.startsWith("<html");
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
        spec.commandLine().getErr().println("trendwatch parse: " + input + ": " + reason);
    }
}
