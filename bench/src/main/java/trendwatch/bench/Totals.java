package trendwatch.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import trendwatch.model.ArticleLabels;
import trendwatch.model.Granularity;
import trendwatch.model.TrendCount;

/**
 * Per granularity and sector, the paragraphs and articles summed over all buckets. Every article only adds to
 * them, so the totals read from {@code trend.counts} reach the totals computed offline exactly when the last
 * article's count has been committed, and not before.
 */
final class Totals {

    private final Map<String, long[]> sums = new TreeMap<>();
    private final Map<String, TrendCount> latest = new HashMap<>();

    /** An article's expected contribution, the same in every granularity. */
    void add(ArticleLabels labels) {
        labels.sectors().forEach((sector, contribution) -> {
            for (Granularity granularity : Granularity.values()) {
                add(granularity.id() + "|" + sector, contribution.paragraphs(), contribution.paragraphs() > 0 ? 1 : 0);
            }
        });
    }

    /** A count update as read from {@code trend.counts}: replaces the previous value of its key. */
    void update(String key, TrendCount count) {
        TrendCount before = latest.put(key, count);
        if (before != null) {
            add(before.granularity().id() + "|" + before.sector(), -before.paragraphs(), -before.articles());
        }
        if (count != null) {
            add(count.granularity().id() + "|" + count.sector(), count.paragraphs(), count.articles());
        }
    }

    boolean sameAs(Totals other) {
        if (sums.size() != other.sums.size()) {
            return false;
        }
        return sums.entrySet().stream().allMatch(e -> {
            long[] o = other.sums.get(e.getKey());
            return o != null && o[0] == e.getValue()[0] && o[1] == e.getValue()[1];
        });
    }

    long paragraphs(Granularity granularity) {
        return sums.entrySet().stream().filter(e -> e.getKey().startsWith(granularity.id() + "|"))
                .mapToLong(e -> e.getValue()[0]).sum();
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        sums.forEach((key, v) -> s.append(key).append('=').append(v[0]).append('/').append(v[1]).append(' '));
        return s.toString().strip();
    }

    private void add(String key, long paragraphs, long articles) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0] += paragraphs;
        sum[1] += articles;
        if (sum[0] == 0 && sum[1] == 0) {
            sums.remove(key);
        }
    }
}
