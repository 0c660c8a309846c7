package trendwatch.ingest.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.ingest.ArticleSink;

/**
 * {@code DELETE /api/articles/{id}}: takes an article out of every count. 200 once withdrawn (or when it was
 * already), 400 for an id that is not one, 401 without the bearer token when one is required, 404 for an article
 * ingest never published, 405 for another method, 503 when Kafka has not confirmed it in time. Its sources do not
 * publish it again; submitting it does.
 */
public final class WithdrawHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WithdrawHandler.class);
    /** As long as a submission waits for its transaction: Kafka down, the withdrawal is retried until it lands. */
    private static final Duration CONFIRM_TIMEOUT = Submitter.CONFIRM_TIMEOUT;
    private static final Pattern ARTICLE_ID = Pattern.compile("[0-9a-f]{16}");

    private final ArticleSink sink;
    private final Clock clock;
    private final String token;

    /** {@code token} null means no token is needed (the server listens on loopback only). */
    public WithdrawHandler(ArticleSink sink, Clock clock, String token) {
        this.sink = sink;
        this.clock = clock;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            // what follows the route it is mounted on, in the lower case ids are written in
            String id = exchange.getRequestURI().getRawPath().substring(exchange.getHttpContext().getPath().length())
                    .toLowerCase(Locale.ROOT);
            if (!exchange.getRequestMethod().equals("DELETE")) {
                exchange.getResponseHeaders().set("Allow", "DELETE");
                ApiExchanges.send(exchange, 405, Map.of("error", "use DELETE to withdraw an article"));
            } else if (!ARTICLE_ID.matcher(id).matches()) {
                ApiExchanges.send(exchange, 400, Map.of("error", "'" + id + "' is not an article id (16 hex digits,"
                        + " as submit, /api/paragraphs and the topics give it)"));
            } else if (ApiExchanges.authorized(exchange, token)) {
                withdraw(exchange, id);
            }
        }
    }

    private void withdraw(HttpExchange exchange, String id) throws IOException {
        ArticleSink.Withdrawal withdrawal;
        try {
            withdrawal = sink.withdrawAsUser(id, clock.instant()).get(CONFIRM_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            ApiExchanges.send(exchange, 503, Map.of("error", "Kafka has not confirmed the withdrawal within "
                    + CONFIRM_TIMEOUT.toMillis() + " ms; it may still land; withdrawing again is safe"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ApiExchanges.send(exchange, 503, Map.of("error", "interrupted while waiting for Kafka"));
            return;
        } catch (ExecutionException e) {
            LOG.warn("withdraw: could not withdraw {}: {}", id, e.getCause().toString());
            ApiExchanges.send(exchange, 503, Map.of("error", e.getCause() instanceof KafkaException
                    ? "Kafka is not available right now; try again" : "could not withdraw: " + e.getCause()));
            return;
        }
        switch (withdrawal) {
            case UNKNOWN -> ApiExchanges.send(exchange, 404, Map.of("error", "ingest has published no article " + id));
            case WITHDRAWN -> {
                LOG.info("ingest: withdrew article {} at a user's request", id);
                ApiExchanges.send(exchange, 200, Map.of("articleId", id, "outcome", "withdrawn"));
            }
            case ALREADY_WITHDRAWN -> ApiExchanges.send(exchange, 200, Map.of("articleId", id,
                    "outcome", "already withdrawn"));
        }
    }
}
