package trendwatch.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * robots.txt rules per origin (scheme, host, port), parsed by crawler-commons for the agent token
 * "trendwatch" and kept for {@code ttl}. Following RFC 9309: a robots.txt that is unavailable (4xx, too many
 * redirects, unusable) allows everything; one that is unreachable (5xx, 429, timeout, network error) disallows
 * everything, but only for {@code failureTtl}, so a server that is briefly down is retried soon.
 */
final class RobotsCache {

    static final String AGENT = "trendwatch";

    /** What fetching /robots.txt gave: a status and body, or a failure that counts as "unreachable". */
    record Answer(int status, byte[] body, String contentType) {
        static Answer unreachable() {
            return new Answer(503, new byte[0], null);
        }

        static Answer unavailable() {
            return new Answer(404, new byte[0], null);
        }
    }

    /** Fetches robots.txt for an origin; never throws, failures become an {@link Answer}. */
    @FunctionalInterface
    interface Loader {
        Answer load(String robotsUrl);
    }

    private record Entry(BaseRobotRules rules, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Object> loading = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final Duration failureTtl;
    private final Clock clock;

    RobotsCache(Duration ttl, Duration failureTtl, Clock clock) {
        this.ttl = ttl;
        this.failureTtl = failureTtl;
        this.clock = clock;
    }

    /** The rules for the origin, fetched through {@code loader} when missing or expired. */
    BaseRobotRules rules(String origin, Loader loader) {
        Entry entry = fresh(origin);
        if (entry != null) {
            return entry.rules();
        }
        // one fetch per origin at a time: concurrent callers for the same site wait for the first one's answer
        synchronized (loading.computeIfAbsent(origin, o -> new Object())) {
            entry = fresh(origin);
            if (entry == null) {
                entry = parse(origin, loader.load(origin + "/robots.txt"));
                entries.put(origin, entry);
            }
            return entry.rules();
        }
    }

    private Entry fresh(String origin) {
        Entry entry = entries.get(origin);
        return entry != null && clock.instant().isBefore(entry.expires()) ? entry : null;
    }

    private Entry parse(String origin, Answer answer) {
        Instant now = clock.instant();
        int status = answer.status();
        if (status >= 200 && status < 300) {
            BaseRobotRules rules = new SimpleRobotRulesParser()
                    .parseContent(origin + "/robots.txt", answer.body(), answer.contentType(), List.of(AGENT));
            return new Entry(rules, now.plus(ttl));
        }
        if (status >= 400 && status < 500 && status != 429) {
            return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), now.plus(ttl));
        }
        return new Entry(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE), now.plus(failureTtl));
    }
}
