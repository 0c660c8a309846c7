package trendwatch.ingest.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Sets that remember only their newest entries: a poller's memory of what it saw must not grow with the web. */
final class BoundedSets {

    private BoundedSets() {
    }

    /** A set of at most {@code max} entries, the oldest added forgotten first. Not thread-safe. */
    static <T> Set<T> newest(int max) {
        return Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<T, Boolean> eldest) {
                return size() > max;
            }
        });
    }
}
