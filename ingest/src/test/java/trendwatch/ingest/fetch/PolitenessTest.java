package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-host politeness: one request at a time, a minimum gap, and no waiting across hosts. */
class PolitenessTest {

    private static final Duration DELAY = Duration.ofMillis(200);

    private final LocalServer server = newServer();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.close();
    }

    /** When a request arrived at the server, and when the server began sending its response. */
    private record Visit(long arrivedNanos, long respondingNanos) {
    }

    @Test
    void shouldServeOneRequestAtATimePerHostWithTheDelayBetween() throws Exception {
        List<Visit> visits = new CopyOnWriteArrayList<>();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        for (String path : List.of("/robots.txt", "/item")) {
            server.handle(path, ex -> {
                long arrived = System.nanoTime();
                maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(30); // the server doing some work, so overlapping requests would show
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                inFlight.decrementAndGet();
                // recorded before the last byte goes out, so the client cannot have finished earlier
                visits.add(new Visit(arrived, System.nanoTime()));
                LocalServer.send(ex, path.equals("/robots.txt") ? 404 : 200, "text/plain", "ok");
            });
        }
        Fetcher fetcher = new Fetcher(FetcherTest.POLICY.withHostDelay(DELAY));

        List<Future<FetchResult>> results = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> fetcher.fetch(FetchRequest.of(server.uri("/item")))));
        }
        for (Future<FetchResult> result : results) {
            assertThat(result.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        assertThat(maxInFlight.get()).isEqualTo(1);
        List<Visit> ordered = visits.stream().sorted(Comparator.comparingLong(Visit::arrivedNanos)).toList();
        assertThat(ordered).hasSize(5); // robots.txt once, then the four requests
        for (int i = 1; i < ordered.size(); i++) {
            long gap = ordered.get(i).arrivedNanos() - ordered.get(i - 1).respondingNanos();
            assertThat(Duration.ofNanos(gap)).as("gap before request %d", i).isGreaterThanOrEqualTo(DELAY);
        }
    }

    @Test
    void shouldNotMakeDifferentHostsWaitForEachOther() throws Exception {
        CountDownLatch otherHostArrived = new CountDownLatch(1);
        AtomicBoolean sawOtherHostWhileBusy = new AtomicBoolean();
        server.handle("/slow", ex -> {
            try {
                // host a stays busy until host b's request arrives; if b waited for a, this would time out
                sawOtherHostWhileBusy.set(otherHostArrived.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LocalServer.send(ex, 200, "text/plain", "a");
        });
        server.handle("/quick", ex -> {
            otherHostArrived.countDown();
            LocalServer.send(ex, 200, "text/plain", "b");
        });
        AddressGuard guard = new AddressGuard(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, Set.of());
        Fetcher fetcher = new Fetcher(FetcherTest.POLICY.withHostDelay(Duration.ofSeconds(30)).withObeyRobots(false),
                guard, (SSLSocketFactory) SSLSocketFactory.getDefault(), Clock.systemUTC());

        Future<FetchResult> a = pool.submit(() -> fetcher.fetch(FetchRequest.of(
                URI.create("http://a.test:" + server.port() + "/slow"))));
        Future<FetchResult> b = pool.submit(() -> fetcher.fetch(FetchRequest.of(
                URI.create("http://b.test:" + server.port() + "/quick"))));

        assertThat(b.get(30, TimeUnit.SECONDS).text()).isEqualTo("b");
        assertThat(a.get(30, TimeUnit.SECONDS).text()).isEqualTo("a");
        assertThat(sawOtherHostWhileBusy).isTrue();
    }

    private static LocalServer newServer() {
        try {
            return new LocalServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
