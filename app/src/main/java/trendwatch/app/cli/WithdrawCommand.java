package trendwatch.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import trendwatch.ingest.feed.Urls;

/**
 * {@code trendwatch withdraw}: takes articles out of every count through a running pipeline's
 * {@code DELETE /api/articles/{id}}. An article is named by its id, or by its URL, from which ingest makes the id.
 */
@Command(name = "withdraw", mixinStandardHelpOptions = true,
        description = "Take articles out of the counts of a running pipeline, by id (as submit, /api/paragraphs and"
                + " the topics give it) or by URL. Their sources do not publish them again; submit counts one again.")
final class WithdrawCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PipelineApi pipeline;

    @Parameters(arity = "1..*", paramLabel = "ID|URL")
    List<String> articles;

    @Override
    public Integer call() throws IOException, InterruptedException {
        pipeline.endpoint("/api/articles/"); // a bad --api is bad usage before anything is sent
        int exit = ExitCodes.OK;
        for (String article : articles) {
            exit = Math.max(exit, withdraw(article));
        }
        return exit;
    }

    private int withdraw(String article) throws IOException, InterruptedException {
        String id;
        try {
            id = articleId(article);
        } catch (IllegalArgumentException e) {
            return fail(article, e.getMessage(), ExitCodes.BAD_INPUT);
        }
        URI endpoint = pipeline.endpoint("/api/articles/" + id);
        PipelineApi.Answer answer;
        try {
            answer = pipeline.send(HttpRequest.newBuilder(endpoint).DELETE());
        } catch (PipelineApi.NotRunningException e) {
            return fail(article, e.getMessage(), ExitCodes.FAILURE);
        }
        if (answer.status() == 200) {
            spec.commandLine().getOut().println(article + ": " + answer.body().path("outcome").asText()
                    + (article.equals(id) ? "" : " (article " + id + ")"));
            return ExitCodes.OK;
        }
        return fail(article, answer.error(endpoint), answer.status() < 500 ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE);
    }

    /** The id as given, or the one ingest makes from a URL (canonical: tracking parameters and fragment go). */
    private static String articleId(String article) {
        if (article.matches("[0-9a-fA-F]{16}")) {
            return article.toLowerCase(Locale.ROOT);
        }
        if (!article.matches("(?i)^https?://.*")) {
            throw new IllegalArgumentException("not an article id (16 hex digits) or an http(s) URL");
        }
        try {
            return Urls.articleId(Urls.canonical(new URI(article)));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + e.getReason() + " at index " + e.getIndex());
        }
    }

    private int fail(String article, String reason, int exit) {
        spec.commandLine().getErr().println("trendwatch withdraw: " + article + ": " + OneLineErrors.reasonAbout(
                article, reason));
        return exit;
    }
}
