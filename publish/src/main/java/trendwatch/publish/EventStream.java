package trendwatch.publish;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/stream}: server-sent events. Each open connection receives every event published after it
 * connected; a comment every 15 s keeps proxies from closing idle streams and finds clients that left.
 */
final class EventStream implements HttpHandler, AutoCloseable {

    static final int MAX_CLIENTS = 100;

    private record Client(HttpExchange exchange, OutputStream out) {
    }

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-stream-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    EventStream() {
        heartbeat.scheduleWithFixedDelay(() -> write(": keepalive\n\n"), 15, 15, TimeUnit.SECONDS);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        if (HttpApi.isHead(exchange)) {
            setStreamHeaders(exchange);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
            return;
        }
        if (!exchange.getRequestMethod().equals("GET") || clients.size() >= MAX_CLIENTS) {
            int status = exchange.getRequestMethod().equals("GET") ? 503 : 405;
            HttpApi.sendJson(exchange, status, Map.of("error", status == 503
                    ? "too many open event streams" : "use GET"));
            exchange.close();
            return;
        }
        setStreamHeaders(exchange);
        exchange.sendResponseHeaders(200, 0);
        Client client = new Client(exchange, exchange.getResponseBody());
        // registered before the greeting: a client that has read it must receive every later event
        clients.add(client);
        if (!send(client, "retry: 3000\n: connected\n\n")) {
            clients.remove(client);
        }
    }

    private static void setStreamHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
    }

    /** Sends one event to every open stream; {@code json} must be a single line. */
    void publish(String event, String json) {
        write("event: " + event + "\ndata: " + json + "\n\n");
    }

    int clients() {
        return clients.size();
    }

    private void write(String text) {
        for (Client client : clients) {
            if (!send(client, text)) {
                clients.remove(client);
            }
        }
    }

    private static boolean send(Client client, String text) {
        synchronized (client) {
            try {
                client.out().write(text.getBytes(StandardCharsets.UTF_8));
                client.out().flush();
                return true;
            } catch (IOException e) {
                client.exchange().close();
                return false;
            }
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        clients.forEach(client -> client.exchange().close());
        clients.clear();
    }
}
