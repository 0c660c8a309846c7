package trendwatch.ingest.api;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import trendwatch.model.Json;

/** What ingest's write routes share: the bearer token check and JSON answers. */
final class ApiExchanges {

    private ApiExchanges() {
    }

    /**
     * Whether the request carries {@code token} ({@code null}: none is needed); if not, answers 401 and says
     * whether the token is missing or wrong.
     */
    static boolean authorized(HttpExchange exchange, String token) throws IOException {
        if (token == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String scheme = "bearer ";
        // the scheme's case does not matter (RFC 7235); the token's does. Compared in constant time: the token
        // must not leak through response timing
        if (header != null && header.regionMatches(true, 0, scheme, 0, scheme.length())
                && MessageDigest.isEqual(header.substring(scheme.length()).strip().getBytes(StandardCharsets.UTF_8),
                        token.getBytes(StandardCharsets.UTF_8))) {
            return true;
        }
        exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        send(exchange, 401, Map.of("error", header != null ? "the bearer token is not the one this server takes"
                : "a bearer token is required (Authorization: Bearer <token>)"));
        return false;
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            // a 405 to HEAD: the JDK's server logs a warning when HEAD is given a length to send
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(bytes.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
