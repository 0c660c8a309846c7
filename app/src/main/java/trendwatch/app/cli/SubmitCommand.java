package trendwatch.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trendwatch.ingest.FileArticleReader;
import trendwatch.ingest.FolderSource;
import trendwatch.ingest.RejectedFileException;
import trendwatch.ingest.api.FileRef;
import trendwatch.ingest.fetch.FetchException;
import trendwatch.ingest.fetch.Fetcher;
import trendwatch.model.Article;
import trendwatch.model.Json;

/**
 * {@code trendwatch submit}: feeds articles into a running pipeline through its {@code POST /api/articles}.
 * A file is read and cleaned here as a watched folder would read it, and sent as text with its identity (path and
 * host) so that an edited copy replaces the earlier one; a URL is sent for the pipeline to fetch.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Feed articles (files or URLs) into a running pipeline.")
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PipelineApi pipeline;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL")
    List<String> inputs;

    @Override
    public Integer call() throws IOException, InterruptedException {
        URI endpoint = pipeline.endpoint("/api/articles");
        int exit = ExitCodes.OK;
        for (String input : inputs) {
            exit = Math.max(exit, submit(endpoint, input));
        }
        return exit;
    }

    private int submit(URI endpoint, String input) throws IOException, InterruptedException {
        Map<String, Object> body;
        try {
            body = body(input);
        } catch (RejectedFileException e) {
            return fail(input, e.reason(), ExitCodes.BAD_INPUT);
        } catch (FetchException | IllegalArgumentException e) {
            return fail(input, e.getMessage(), ExitCodes.BAD_INPUT);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        PipelineApi.Answer answer;
        try {
            answer = pipeline.send(request);
        } catch (PipelineApi.NotRunningException e) {
            return fail(input, e.getMessage(), ExitCodes.FAILURE);
        }
        if (answer.status() == 202) {
            spec.commandLine().getOut().println(input + ": " + answer.body().path("outcome").asText()
                    + " as article " + answer.body().path("articleId").asText());
            return ExitCodes.OK;
        }
        return fail(input, answer.error(endpoint), answer.status() < 500 ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE);
    }

    private static Map<String, Object> body(String input) throws RejectedFileException, FetchException, IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        // any scheme, as parse decides: ftp://… is a URL the pipeline will not fetch, not a file that is missing
        if (input.matches("(?i)^[a-z][a-z0-9+.-]*://.*")) {
            Fetcher.fetchable(uri(input));
            body.put("url", input);
            return body;
        }
        Path file = Path.of(input).toAbsolutePath().normalize();
        Article article = read(file);
        body.put("title", article.title());
        body.put("body", article.body());
        body.put("author", article.author());
        body.put("lang", article.lang());
        body.put("publishedAt", article.publishedAt());
        body.put("url", article.url());
        body.put("ref", FileRef.of(file));
        return body;
    }

    /** The URL, or why it is not one in words that do not repeat it (the caller's line names it already). */
    private static URI uri(String input) {
        try {
            return new URI(input);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    /** Read exactly as a watched folder reads it: the same size, binary and text checks, and its sidecar. */
    private static Article read(Path file) throws RejectedFileException {
        return new FileArticleReader(FileArticleReader.DEFAULT_MAX_BYTES, Clock.systemUTC())
                .read(new FolderSource("submit", file.getParent()), file);
    }

    private int fail(String input, String reason, int exit) {
        spec.commandLine().getErr().println("trendwatch submit: " + input + ": " + OneLineErrors.reasonAbout(input,
                reason));
        return exit;
    }
}
