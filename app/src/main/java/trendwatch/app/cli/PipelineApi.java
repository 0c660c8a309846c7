package trendwatch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;
import trendwatch.model.Json;

/** The options and the client of commands that talk to a running pipeline's HTTP API (submit, withdraw). */
final class PipelineApi {

    /** What the pipeline answered: its status and its JSON (empty when something else answered). */
    record Answer(int status, JsonNode body) {

        /** The answer's error message, or a plain one naming the status. */
        String error(URI endpoint) {
            return body.path("error").asText("HTTP " + status + " from " + endpoint);
        }
    }

    /** No pipeline answers at the address. */
    static final class NotRunningException extends IOException {

        private static final long serialVersionUID = 1L;

        NotRunningException(URI api) {
            this("no pipeline answers at " + api + " (is ./trendwatch run running?)");
        }

        NotRunningException(String message) {
            super(message);
        }
    }

    @Option(names = "--api", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "The running pipeline's HTTP address (default: ${DEFAULT-VALUE}).")
    URI api;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:TRENDWATCH_API_TOKEN}",
            description = "Bearer token, needed when the pipeline listens beyond loopback"
                    + " (default: $TRENDWATCH_API_TOKEN).")
    String token;

    /** How long to wait for a connection (TLS included: https:// against a plain HTTP port waits here). */
    Duration connectTimeout = Duration.ofSeconds(10);
    /** How long to wait for the answer (the pipeline answers 503 itself after 30 s without Kafka). */
    Duration answerTimeout = Duration.ofSeconds(60);
    private HttpClient client;

    /** {@code path} on the pipeline's address; bad usage when the address is not an http(s) URL. */
    URI endpoint(String path) {
        String scheme = api.getScheme() == null ? "" : api.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || api.getHost() == null) {
            throw new BadInputException("--api " + api + ": not an http or https URL (for example "
                    + "http://localhost:8080)");
        }
        return api.resolve(path);
    }

    /** Sends the request with the token, if one is given. */
    Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = client().send(request.timeout(answerTimeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new NotRunningException(api);
        } catch (HttpConnectTimeoutException e) {
            // a firewalled address, or https:// against the pipeline's plain HTTP port (the TLS handshake waits)
            throw new NotRunningException("no pipeline answers at " + api + " within " + seconds(connectTimeout)
                    + " (is ./trendwatch run running there, and is it http or https?)");
        } catch (HttpTimeoutException e) {
            throw new NotRunningException(api + " accepted the request but did not answer within "
                    + seconds(answerTimeout) + " (is it a trendwatch pipeline?)");
        }
        return new Answer(response.statusCode(), json(response.body()));
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        }
        return client;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The JSON answer, or an empty one when something other than trendwatch answered (a proxy's HTML page). */
    private static JsonNode json(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
