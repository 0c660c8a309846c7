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
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + pipeline.httpPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Labeled paragraphs per sector over all buckets of a granularity; empty while the API is not ready. */
    static Map<String, Long> paragraphsBySector(Pipeline pipeline, String granularity) throws Exception {
        HttpResponse<String> response = get(pipeline, "/api/trends?granularity=" + granularity);
        Map<String, Long> counts = new TreeMap<>();
        if (response.statusCode() == 200) {
            Json.MAPPER.readTree(response.body()).forEach(c -> counts.merge(c.get("sector").asText(),
                    c.get("paragraphs").asLong(), Long::sum));
        }
        return counts;
    }
}
