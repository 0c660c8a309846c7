package trendwatch.ingest.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** How often a loopback site did something per path (was asked, answered 304): what the source tests wait on. */
final class PathCounts {

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

    void add(String path) {
        counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
    }

    int of(String path) {
        AtomicInteger count = counts.get(path);
        return count == null ? 0 : count.get();
    }
}
