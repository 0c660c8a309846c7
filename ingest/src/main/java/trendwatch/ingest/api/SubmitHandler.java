package trendwatch.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.Sidecar;
import trendwatch.model.Json;

/**
 * {@code POST /api/articles}: 202 with the articleId, 400 with a reason for bad input, 401 without the bearer token
 * when one is required, 405 for another method, 413 over the size cap (the request, a fetched page or the record),
 * 502 when a submitted URL cannot be fetched (unknown host, network error, timeout, an error status, too many
 * redirects), 503 when Kafka cannot take the article now or has not confirmed it in time.
 */
public final class SubmitHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SubmitHandler.class);
    /**
     * Submissions as the project's JSON reads everything, except that a number or a boolean where text belongs is
     * refused rather than turned into text: {"body": 123} is a client's mistake, not an article saying "123".
     */
    /** Strict: anything after the object ({@code {"body":"x"} xyz}) is not a submission but a broken request. */
    private static final ObjectReader SUBMISSIONS = textOnlyAsText(Json.MAPPER.copy()).readerFor(Submission.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Submitter submitter;
    private final long maxBytes;
    private final String token;

    /** {@code token} null means no token is needed (the server listens on loopback only). */
    public SubmitHandler(Submitter submitter, long maxBytes, String token) {
        this.submitter = submitter;
        this.maxBytes = maxBytes;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, Map.of("error", "use POST with a JSON body"));
            } else if (!authorized(exchange)) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, 401, Map.of("error", exchange.getRequestHeaders().containsKey("Authorization")
                        ? "the bearer token is not the one this server takes"
                        : "a bearer token is required (Authorization: Bearer <token>)"));
            } else {
                accept(exchange);
            }
        }
    }

    private void accept(HttpExchange exchange) throws IOException {
        try {
            Submitter.Accepted accepted = submitter.submit(read(exchange));
            send(exchange, 202, Map.of("articleId", accepted.articleId(),
                    "outcome", accepted.outcome().name().toLowerCase(Locale.ROOT)));
        } catch (SubmitException e) {
            send(exchange, e.status(), Map.of("error", e.getMessage()));
        } catch (RecordTooLargeException e) {
            send(exchange, 413, Map.of("error", e.getMessage()));
        } catch (KafkaException e) {
            LOG.warn("submit: could not publish: {}", e.toString());
            send(exchange, 503, Map.of("error", "Kafka is not available right now; try again"));
        }
    }

    private Submission read(HttpExchange exchange) throws IOException, SubmitException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw new SubmitException(413, "request body exceeds the " + maxBytes + " byte limit");
        }
        try {
            Submission submission = SUBMISSIONS.readValue(body);
            if (submission == null) {
                throw new SubmitException(400, "expected a JSON object with \"url\" or \"body\"");
            }
            return submission;
        } catch (MismatchedInputException e) {
            throw new SubmitException(400, invalidField(e));
        } catch (JsonProcessingException e) {
            throw new SubmitException(400, "not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Names the field and what is wrong with it, in the client's terms rather than Jackson's. */
    private static String invalidField(MismatchedInputException e) {
        if (e.getPath().isEmpty()) {
            return "expected a JSON object with \"url\" or \"body\"";
        }
        String field = "field '" + e.getPath().get(0).getFieldName() + "'";
        if (e.getTargetType() == String.class) {
            return field + " must be text";
        }
        if (e.getTargetType() == OffsetDateTime.class) {
            return field + " must be " + Sidecar.DATE_TIME_FORM;
        }
        return field + " has an invalid value: " + e.getOriginalMessage();
    }

    private static ObjectMapper textOnlyAsText(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    private boolean authorized(HttpExchange exchange) {
        if (token == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String scheme = "bearer ";
        // the scheme's case does not matter (RFC 7235); the token's does
        if (header == null || !header.regionMatches(true, 0, scheme, 0, scheme.length())) {
            return false;
        }
        // constant-time comparison: the token must not leak through response timing
        return MessageDigest.isEqual(header.substring(scheme.length()).strip().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
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
