package trendwatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocketFactory;
import trendwatch.ingest.fetch.FetchException.Kind;

/**
 * Fetches http(s) URLs safely and politely; thread-safe, one per process (politeness and robots.txt state
 * live here).
 *
 * <p><b>Polite:</b> an identifying User-Agent; conditional GET with the caller's validators (a 304 is a normal
 * result); one request at a time per host and at least {@code hostDelay} (or the site's robots.txt
 * Crawl-delay, up to 30 s) between the end of one request and the start of the next to the same host, while
 * different hosts never wait for each other; robots.txt obeyed for the agent token "trendwatch" on every hop.
 *
 * <p><b>Bounded:</b> {@code requestTimeout} covers each exchange as a whole (connect, TLS, response head, the
 * entire body), checked on every read, so a slow drip ends at the deadline; the body cap applies after
 * decompression (a gzip bomb stops at the cap, reading no further); redirects are followed by us, at most
 * {@code maxRedirects}, each hop checked like a new request, and HTTPS→HTTP is refused. DNS resolution itself
 * is not under the deadline (the JDK resolver cannot be interrupted).
 *
 * <p><b>Address rule (SSRF):</b> the host is resolved once per hop and the connection goes to the address that
 * was checked (the Host header and TLS name stay the host name), so DNS rebinding cannot swap it.
 * <ul>
 *   <li>{@link FetchRequest#untrusted() Untrusted} requests (URLs from the submit API or CLI) may only reach public
 *       addresses: loopback, private, link-local, CGNAT, unique-local, multicast and cloud-metadata addresses and
 *       names are refused with {@link Kind#BLOCKED_ADDRESS}, unless the operator sets
 *       {@code allowPrivateNetworks=true}; even then cloud-metadata endpoints (169.254.169.254, fd00:ec2::254,
 *       metadata.google.internal), which hold credentials and no articles, stay refused.</li>
 *   <li>Configured sources (the operator's own sources file, {@code trendwatch parse}) may reach private
 *       networks, an intranet feed or a local test server, but never cloud-metadata endpoints.</li>
 * </ul>
 */
public final class Fetcher implements AutoCloseable {

    private static final Duration ROBOTS_TTL = Duration.ofHours(1);
    private static final Duration ROBOTS_FAILURE_TTL = Duration.ofMinutes(10);
    private static final Duration MAX_CRAWL_DELAY = Duration.ofSeconds(30);

    private final FetchPolicy policy;
    private final AddressGuard guard;
    private final SSLSocketFactory tls;
    private final HostGate gate = new HostGate();
    private final RobotsCache robots;
    private final RedirectPolicy redirects;
    private final CacheHeaders cacheHeaders;
    private volatile boolean closed;

    public Fetcher(FetchPolicy policy) {
        this(policy, AddressGuard.system(), (SSLSocketFactory) SSLSocketFactory.getDefault(), Clock.systemUTC());
    }

    Fetcher(FetchPolicy policy, AddressGuard guard, SSLSocketFactory tls, Clock clock) {
        this.policy = policy;
        this.guard = guard;
        this.tls = tls;
        this.robots = new RobotsCache(ROBOTS_TTL, ROBOTS_FAILURE_TTL, clock);
        this.redirects = new RedirectPolicy(policy.maxRedirects());
        this.cacheHeaders = new CacheHeaders(clock);
    }

    /** GETs the URL, following redirects; a 2xx or 304 is a result, anything else a {@link FetchException}. */
    public FetchResult fetch(FetchRequest request) throws FetchException {
        if (closed) {
            throw new IllegalStateException("the fetcher is closed");
        }
        return fetch(request, policy.obeyRobots());
    }

    /**
     * {@code uri} as it would be fetched if it is a URL a fetcher takes (absolute http or https, with a host and a
     * valid port), else BAD_URL: lets a caller refuse it, with the fetcher's own reason, before sending it anywhere.
     */
    public static URI fetchable(URI uri) throws FetchException {
        return Urls.checked(uri);
    }

    /**
     * As {@link #fetchable}, and refusing what names a cloud-metadata endpoint outright (its name, or its address
     * written as the host), which no fetch would reach: what the sources file is checked with when it is read.
     */
    public static URI fetchableSource(URI uri) throws FetchException {
        URI checked = Urls.checked(uri);
        AddressGuard.refuseMetadataHost(checked);
        return checked;
    }

    private FetchResult fetch(FetchRequest request, boolean obeyRobots) throws FetchException {
        URI uri = Urls.checked(request.uri());
        for (int hop = 1; ; hop++) {
            Response response = exchange(uri, request, obeyRobots);
            if (!RedirectPolicy.isRedirect(response.status())) {
                return result(uri, request, response);
            }
            uri = redirects.next(uri, response.headers().first("Location"), hop);
        }
    }

    private Response exchange(URI uri, FetchRequest request, boolean obeyRobots) throws FetchException {
        List<InetAddress> addresses = guard.resolve(uri, request.untrusted() && !policy.allowPrivateNetworks(), true);
        BaseRobotRules rules = obeyRobots ? robots.rules(Urls.origin(uri), url -> loadRobots(url, request)) : null;
        if (rules != null && rules.isAllowNone()) {
            // RFC 9309 says to fetch nothing from a host whose robots.txt is unreachable; the user must hear that the
            // host is unreachable, not that its robots.txt forbids us
            throw new FetchException(Kind.NETWORK, uri, "the host's robots.txt is unreachable (network error, timeout,"
                    + " 429 or 5xx), so nothing is fetched from it for now");
        }
        if (rules != null && !rules.isAllowed(uri.toString())) {
            throw new FetchException(Kind.ROBOTS_DISALLOWED, uri, "robots.txt disallows " + RobotsCache.AGENT);
        }
        try (HostGate.Permit turn = gate.enter(Urls.hostName(uri), hostGap(rules))) {
            Deadline deadline = Deadline.after(policy.requestTimeout());
            try (HttpConnection connection = HttpConnection.open(addresses, uri, policy.connectTimeout(), deadline, tls)) {
                HttpConnection.ResponseHead head = connection.send(requestHead(uri, request));
                byte[] body = new byte[0];
                if (head.status() >= 200 && head.status() < 300) {
                    Headers headers = head.headers();
                    long declared = headers.first("Transfer-Encoding") == null ? HttpConnection.contentLength(headers) : -1;
                    body = BoundedBody.read(connection.body(head), headers.first("Content-Encoding"), declared,
                            policy.maxBodyBytes());
                }
                return new Response(head.status(), head.headers(), body);
            }
        } catch (BoundedBody.TooLargeException e) {
            String size = e.declared >= 0 ? "response of " + Sizes.bytes(e.declared) : "response";
            throw new FetchException(Kind.TOO_LARGE, uri,
                    size + " exceeds the " + Sizes.bytes(policy.maxBodyBytes()) + " limit", e);
        } catch (DeadlineExceededException | SocketTimeoutException e) {
            throw new FetchException(Kind.TIMEOUT, uri, e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchException(Kind.NETWORK, uri, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(Kind.NETWORK, uri, "interrupted while waiting for the host's turn", e);
        }
    }

    private Duration hostGap(BaseRobotRules rules) {
        if (rules == null || rules.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY || rules.getCrawlDelay() <= 0) {
            return policy.hostDelay();
        }
        Duration crawlDelay = Duration.ofMillis(rules.getCrawlDelay());
        Duration capped = crawlDelay.compareTo(MAX_CRAWL_DELAY) > 0 ? MAX_CRAWL_DELAY : crawlDelay;
        return capped.compareTo(policy.hostDelay()) > 0 ? capped : policy.hostDelay();
    }

    /** robots.txt through the same checks, gate and limits, but not subject to robots.txt itself. */
    private RobotsCache.Answer loadRobots(String robotsUrl, FetchRequest cause) {
        FetchRequest request = new FetchRequest(URI.create(robotsUrl), null, null, cause.untrusted());
        try {
            FetchResult result = fetch(request, false);
            return new RobotsCache.Answer(result.status(), result.body(), result.contentType());
        } catch (FetchException e) {
            return switch (e.kind()) {
                case HTTP_STATUS -> new RobotsCache.Answer(e.status(), new byte[0], null);
                case TIMEOUT, NETWORK -> RobotsCache.Answer.unreachable();
                default -> RobotsCache.Answer.unavailable();
            };
        }
    }

    private String requestHead(URI uri, FetchRequest request) {
        StringBuilder head = new StringBuilder(256)
                .append("GET ").append(Urls.requestTarget(uri)).append(" HTTP/1.1\r\n")
                .append("Host: ").append(Urls.hostHeader(uri)).append("\r\n")
                .append("User-Agent: ").append(policy.userAgent()).append("\r\n")
                .append("Accept: */*\r\n")
                .append("Accept-Encoding: gzip, deflate\r\n");
        if (isHeaderSafe(request.etag())) {
            head.append("If-None-Match: ").append(request.etag()).append("\r\n");
        }
        if (isHeaderSafe(request.lastModified())) {
            head.append("If-Modified-Since: ").append(request.lastModified()).append("\r\n");
        }
        return head.append("Connection: close\r\n\r\n").toString();
    }

    /** Validators come back from servers; one with a line break would let a server inject request headers. */
    private static boolean isHeaderSafe(String value) {
        return value != null && !value.isBlank() && value.chars().noneMatch(c -> c < 0x20 && c != '\t');
    }

    private FetchResult result(URI uri, FetchRequest request, Response response) throws FetchException {
        int status = response.status();
        Headers headers = response.headers();
        Duration retryAfter = cacheHeaders.retryAfter(headers);
        if (status != 304 && (status < 200 || status >= 300)) {
            String wait = retryAfter == null ? "" : " (retry after " + Sizes.duration(retryAfter) + ")";
            throw new FetchException(Kind.HTTP_STATUS, uri, "HTTP status " + status + wait, status, retryAfter, null);
        }
        // a 304 may omit the validators; the caller's copy is still described by the ones it sent
        String etag = headers.first("ETag") != null || status != 304 ? headers.first("ETag") : request.etag();
        String lastModified = headers.first("Last-Modified") != null || status != 304
                ? headers.first("Last-Modified") : request.lastModified();
        return new FetchResult(status, uri, response.body(), headers.first("Content-Type"), etag, lastModified,
                cacheHeaders.freshFor(headers), retryAfter);
    }

    @Override
    public void close() {
        closed = true;
    }

    private record Response(int status, Headers headers, byte[] body) {
    }
}
