package trendwatch.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.model.Json;

/** The running pipeline's HTTP API as the integration tests read it. */
final class TrendsApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TrendsApi() {
    }

    static HttpResponse<String> get(Pipeline pipeline, String path) throws Exception {
        return get(pipeline.httpPort(), path);
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Labeled paragraphs per sector over all buckets of a granularity; empty while the API is not ready. */
    static Map<String, Long> paragraphsBySector(Pipeline pipeline, String granularity) throws Exception {
        return paragraphsBySector(pipeline.httpPort(), granularity);
    }

    /** The same, from the publish instance (in this JVM or another) whose HTTP server listens on {@code port}. */
    static Map<String, Long> paragraphsBySector(int port, String granularity) throws Exception {
        HttpResponse<String> response = get(port, "/api/trends?granularity=" + granularity);
        Map<String, Long> counts = new TreeMap<>();
        if (response.statusCode() == 200) {
            Json.MAPPER.readTree(response.body()).forEach(c -> counts.merge(c.get("sector").asText(),
                    c.get("paragraphs").asLong(), Long::sum));
        }
        return counts;
    }
}
