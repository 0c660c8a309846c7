package trendwatch.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Fetcher} behaves. {@code requestTimeout} bounds each HTTP exchange as a whole: connecting,
 * the TLS handshake, the response head and the entire body; waiting for a host's turn does not count.
 * The body cap applies to the decompressed body. {@code hostDelay} is the minimum gap between the end of
 * one request and the start of the next to the same host.
 */
public record FetchPolicy(String userAgent, Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
                          int maxRedirects, Duration hostDelay, boolean allowPrivateNetworks, boolean obeyRobots) {

    public static final String USER_AGENT = "trendwatch/0.1 (+https://github.com/trendwatch/trendwatch)";

    public FetchPolicy {
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("userAgent must be a printable, non-blank header value: " + userAgent);
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        Objects.requireNonNull(hostDelay, "hostDelay");
        if (hostDelay.isNegative()) {
            throw new IllegalArgumentException("hostDelay must not be negative: " + hostDelay);
        }
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive: " + maxBodyBytes);
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative: " + maxRedirects);
        }
    }

    /**
     * Identifying agent, 10 s connect, 30 s per request, 15 MiB, 5 redirects, 1 s per host, submitted URLs to
     * public networks only, robots obeyed.
     */
    public static FetchPolicy defaults() {
        return new FetchPolicy(USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30), 15L << 20,
                5, Duration.ofSeconds(1), false, true);
    }

    public FetchPolicy withRequestTimeout(Duration timeout) {
        return new FetchPolicy(userAgent, connectTimeout, timeout, maxBodyBytes, maxRedirects, hostDelay,
                allowPrivateNetworks, obeyRobots);
    }

    public FetchPolicy withMaxBodyBytes(long bytes) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, bytes, maxRedirects, hostDelay,
                allowPrivateNetworks, obeyRobots);
    }

    public FetchPolicy withHostDelay(Duration delay) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, delay,
                allowPrivateNetworks, obeyRobots);
    }

    public FetchPolicy withAllowPrivateNetworks(boolean allow) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, hostDelay,
                allow, obeyRobots);
    }

    public FetchPolicy withObeyRobots(boolean obey) {
        return new FetchPolicy(userAgent, connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, hostDelay,
                allowPrivateNetworks, obey);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
