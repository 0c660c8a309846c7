package trendwatch.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import trendwatch.model.Granularity;
import trendwatch.model.TrendCount;

/**
 * Turns a bucket's new totals into count changes for the sectors whose totals moved. A bucket holds every sector
 * any of its articles touched, and an article touches two or three: passing on all of them put unchanged counts
 * on {@code trend.counts} and through the burst detector (ThroughputBench: about half of publish's output).
 * <p>
 * Remembers what it passed on for the most recent buckets, in memory. A bucket it does not remember is passed on
 * whole, which is always right; the memory is emptied in {@link #init}, which Kafka Streams calls again whenever
 * it restarts the task (after a crash, an aborted transaction or a rebalance), so an aborted count is never
 * taken as published.
 */
final class ChangedCounts implements Processor<String, BucketCounts, String, TrendCount> {

    static final int REMEMBERED_BUCKETS = 10_000;

    private final Granularity granularity;
    private final Clock clock;
    private final Map<String, Map<String, SectorTotals>> sent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, SectorTotals>> eldest) {
            return size() > REMEMBERED_BUCKETS;
        }
    };
    private ProcessorContext<String, TrendCount> context;

    ChangedCounts(Granularity granularity, Clock clock) {
        this.granularity = granularity;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, TrendCount> context) {
        this.context = context;
        sent.clear();
    }

    @Override
    public void process(Record<String, BucketCounts> record) {
        BucketCounts counts = record.value();
        Map<String, SectorTotals> before = sent.getOrDefault(record.key(), Map.of());
        Instant bucketStart = Instant.parse(record.key());
        Instant bucketEnd = granularity.bucketEnd(bucketStart);
        counts.sectors().forEach((sector, totals) -> {
            if (!totals.equals(before.get(sector))) {
                TrendCount count = new TrendCount(TrendCount.SCHEMA, sector, granularity, bucketStart, bucketEnd,
                        totals.paragraphs(), totals.articles(), totals.score(), updatedAt(counts, sector));
                context.forward(record.withKey(count.key()).withValue(count));
            }
        });
        sent.put(record.key(), counts.sectors());
    }

    /**
     * The time the bucket store holds, so that {@code trend.counts} and the HTTP answers agree. Only a bucket an
     * earlier build wrote lacks it, and then only for a sector that did not move now; the topic's contract has
     * no null {@code updatedAt}, so such a sector, passed on whole, says now, as every count did before.
     */
    private Instant updatedAt(BucketCounts counts, String sector) {
        Instant updatedAt = counts.updatedAt(sector);
        return updatedAt != null ? updatedAt : clock.instant();
    }
}
