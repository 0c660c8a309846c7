package trendwatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import trendwatch.ingest.extract.ExtractedText;
import trendwatch.ingest.extract.TextExtractor;
import trendwatch.ingest.fetch.Charsets;
import trendwatch.model.Json;

/**
 * {@code trendwatch submit}: feeds articles into a running pipeline through its {@code POST /api/articles}.
 * A file is read and cleaned here and sent as text; a URL is sent for the pipeline to fetch.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Feed articles (files or URLs) into a running pipeline.")
final class SubmitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--api", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "The running pipeline's HTTP address (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TRENDWATCH_API_TOKEN}",
            description = "Bearer token, needed when the pipeline listens beyond loopback"
                    + " (default: $TRENDWATCH_API_TOKEN).")
    String token;

    @Parameters(arity = "1..*", paramLabel = "FILE|URL")
    List<String> inputs;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    public Integer call() throws IOException, InterruptedException {
        int exit = ExitCodes.OK;
        for (String input : inputs) {
            exit = Math.max(exit, submit(input));
        }
        return exit;
    }

    private int submit(String input) throws IOException, InterruptedException {
        Map<String, Object> body;
        try {
            body = body(input);
        } catch (NoSuchFileException e) {
            return fail(input, "no such file", ExitCodes.BAD_INPUT);
        } catch (IllegalArgumentException e) {
            return fail(input, e.getMessage(), ExitCodes.BAD_INPUT);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve("/api/articles"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            return fail(input, "no pipeline answers at " + api + " (is ./trendwatch run running?)", ExitCodes.FAILURE);
        }
        JsonNode answer = Json.MAPPER.readTree(response.body());
        if (response.statusCode() == 202) {
            spec.commandLine().getOut().println(input + ": " + answer.path("outcome").asText() + " as article "
                    + answer.path("articleId").asText());
            return ExitCodes.OK;
        }
        return fail(input, answer.path("error").asText("HTTP " + response.statusCode()),
                response.statusCode() < 500 ? ExitCodes.BAD_INPUT : ExitCodes.FAILURE);
    }

    private static Map<String, Object> body(String input) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        if (input.matches("(?i)^https?://.*")) {
            body.put("url", input);
            return body;
        }
        Path file = Path.of(input);
        ExtractedText text = TextExtractor.extract(file.getFileName().toString(),
                Charsets.decode(Files.readAllBytes(file), null));
        if (text.body().isBlank()) {
            throw new IllegalArgumentException("no text left after extraction");
        }
        body.put("title", text.title() != null ? text.title() : file.getFileName().toString());
        body.put("body", text.body());
        return body;
    }

    private int fail(String input, String reason, int exit) {
        spec.commandLine().getErr().println("trendwatch submit: " + input + ": " + reason);
        return exit;
    }
}
