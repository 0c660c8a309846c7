package trendwatch.publish;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import trendwatch.model.Burst;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.Granularity;
import trendwatch.model.TrendCount;

/**
 * Sends a burst when a sector's count in a bucket reaches {@link #Z_THRESHOLD} standard deviations above its
 * trailing baseline (and at least {@link #MIN_PARAGRAPHS} paragraphs), once per sector and bucket, citing the
 * bucket's strongest paragraphs. Its input is keyed by sector, so one task sees every bucket of a sector's
 * series and every paragraph offered as its evidence.
 * <p>
 * A bucket is judged when its count changes, and again when the count of an earlier bucket of its series changes:
 * a late or back-dated article can move its baseline or make its series known long enough. A count passed on again
 * unchanged (after a restart publish passes on all sectors of a bucket that changes) judges nothing. So whether
 * and when a bucket bursts follows from the counts and the order they came in, never from restarts.
 * <p>
 * Evidence is kept per bucket as it is offered, the {@link #EVIDENCE_KEPT} strongest, one per article, and a burst
 * cites the {@link #EVIDENCE_PER_BUCKET} strongest of them: an updated article replaces its paragraph; one that
 * moved to another time, lost the sector or was withdrawn has its paragraph withdrawn from its old buckets
 * ({@link EvidenceOffers}), and the next in reserve moves up; a bucket whose sector count falls to no article loses
 * its list. A paragraph pushed out of the reserve does not come back: a bucket that loses more than the reserve
 * may cite fewer than it could until new articles come.
 */
final class BurstDetector implements Processor<String, BurstInput, String, Burst> {

    static final double Z_THRESHOLD = 2.0;
    static final long MIN_PARAGRAPHS = 3;
    static final int EVIDENCE_PER_BUCKET = 3;
    /** As many again in reserve, to take the place of cited paragraphs whose articles move or are withdrawn. */
    static final int EVIDENCE_KEPT = 2 * EVIDENCE_PER_BUCKET;

    private final Clock clock;
    private final MeterRegistry meters;
    /** Per bucket, {@code sector|granularity|bucketStart}: the newest {@link BurstHistory#KEPT} of each series. */
    private KeyValueStore<String, BurstHistory.Mark> marks;
    /** Per bucket kept in {@link #marks}: its strongest paragraphs, strongest first. */
    private KeyValueStore<String, List<Evidence>> evidence;
    /**
     * The series read from the store, kept in memory: every count change needs its series' baseline. Every change
     * is written through to the store, and this is emptied in {@link #init}, which Kafka Streams calls again
     * whenever it rebuilds the store (after a crash or a rebalance), so it never holds more than the store does.
     */
    private final Map<String, BurstHistory> series = new HashMap<>();
    private ProcessorContext<String, Burst> context;

    BurstDetector(Clock clock, MeterRegistry meters) {
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void init(ProcessorContext<String, Burst> context) {
        this.context = context;
        this.marks = context.getStateStore(PublishTopology.BURST_HISTORY_STORE);
        this.evidence = context.getStateStore(PublishTopology.BURST_EVIDENCE_STORE);
        series.clear();
    }

    @Override
    public void process(Record<String, BurstInput> record) {
        BurstInput input = record.value();
        if (input.count() != null) {
            count(record, input.count());
        } else if (input.offer() != null) {
            offer(input.offer());
        } else {
            withdraw(input.withdrawal());
        }
    }

    private void count(Record<String, BurstInput> record, TrendCount count) {
        String seriesKey = seriesKey(count.sector(), count.granularity());
        if (count.articles() == 0) {
            forgetEvidence(bucketKey(seriesKey, count.bucketStart())); // its last article moved away or was withdrawn
        }
        BurstHistory history = series.computeIfAbsent(seriesKey, this::load);
        if (history.holds(count.bucketStart(), count.paragraphs())) {
            return; // passed on again unchanged (publish forgets what it passed on when it restarts)
        }
        if (!remember(seriesKey, history, count.bucketStart(),
                history.mark(count.bucketStart()).withParagraphs(count.paragraphs()))) {
            return; // older than the series' window: too old to burst, and part of no kept bucket's history
        }
        judge(record, count.sector(), count.granularity(), history, count.bucketStart());
        // a late or back-dated count changes the history of the buckets after it: their baselines, or whether the
        // series is known long enough
        for (Instant later : history.bucketsAfter(count.bucketStart())) {
            judge(record, count.sector(), count.granularity(), history, later);
        }
    }

    /** Fires the bucket's burst if its count, against its history as it stands now, makes one and it has not yet. */
    private void judge(Record<String, BurstInput> record, String sector, Granularity granularity, BurstHistory history,
                       Instant bucket) {
        BurstHistory.Mark mark = history.mark(bucket);
        if (mark.fired() || mark.paragraphs() < MIN_PARAGRAPHS || !knownLongEnough(history, granularity, bucket)) {
            return;
        }
        TrendMeasures.Measure measure = TrendMeasures.of(mark.paragraphs(), baseline(history, granularity, bucket));
        if (measure.zScore() < Z_THRESHOLD) {
            return;
        }
        String seriesKey = seriesKey(sector, granularity);
        remember(seriesKey, history, bucket, mark.firing());
        context.forward(record.withKey(TrendCount.key(sector, granularity, bucket)).withValue(new Burst(Burst.SCHEMA,
                sector, granularity, bucket, mark.paragraphs(), measure.baseline(), measure.zScore(), clock.instant(),
                cited(evidence(bucketKey(seriesKey, bucket))))));
        meters.counter("trendwatch.bursts", "sector", sector, "granularity", granularity.id()).increment();
    }

    /** Keeps the paragraph in each of its buckets (hour, day, week) where it is among the strongest. */
    private void offer(EvidenceOffer offer) {
        for (Granularity g : Granularity.values()) {
            String seriesKey = seriesKey(offer.sector(), g);
            Instant bucket = g.bucketStart(offer.eventTime());
            if (!series.computeIfAbsent(seriesKey, this::load).keeps(bucket)) {
                continue; // older than the series' window: its mark is not kept, so neither is its evidence
            }
            String key = bucketKey(seriesKey, bucket);
            List<Evidence> kept = evidence(key);
            List<Evidence> next = Evidence.keepStrongest(kept, offer.evidence(), EVIDENCE_KEPT);
            if (next != kept) {
                evidence.put(key, next);
            }
        }
    }

    /** Takes the article's paragraph out of its old hour, day and week buckets, where they still cite it. */
    private void withdraw(EvidenceWithdrawal withdrawal) {
        for (Granularity g : Granularity.values()) {
            String key = bucketKey(seriesKey(withdrawal.sector(), g), g.bucketStart(withdrawal.eventTime()));
            List<Evidence> kept = evidence(key);
            List<Evidence> rest = Evidence.withoutArticle(kept, withdrawal.articleId());
            if (rest != kept) {
                if (rest.isEmpty()) {
                    evidence.delete(key);
                } else {
                    evidence.put(key, rest);
                }
            }
        }
    }

    /** What a burst cites of its bucket's evidence, strongest first. */
    static List<EvidenceParagraph> cited(List<Evidence> kept) {
        return kept.stream().limit(EVIDENCE_PER_BUCKET).map(Evidence::paragraph).toList();
    }

    private List<Evidence> evidence(String bucketKey) {
        List<Evidence> kept = evidence.get(bucketKey);
        return kept == null ? List.of() : kept;
    }

    /** Deletes a bucket's evidence if it has any: a delete of nothing would still write a tombstone. */
    private void forgetEvidence(String bucketKey) {
        if (evidence.get(bucketKey) != null) {
            evidence.delete(bucketKey);
        }
    }

    private static String seriesKey(String sector, Granularity granularity) {
        return sector + "|" + granularity.id();
    }

    /** The key of a bucket in both stores: its series' key, then its start, so a series is one prefix scan. */
    private static String bucketKey(String seriesKey, Instant bucketStart) {
        return seriesKey + "|" + bucketStart;
    }

    private BurstHistory load(String seriesKey) {
        BurstHistory history = new BurstHistory();
        String prefix = seriesKey + "|";
        try (KeyValueIterator<String, BurstHistory.Mark> stored = marks.prefixScan(prefix, new StringSerializer())) {
            stored.forEachRemaining(kv -> history.put(Instant.parse(kv.key.substring(prefix.length())), kv.value));
        }
        return history;
    }

    /** Sets the bucket's mark; false if the bucket is older than the series' window, so not kept. */
    private boolean remember(String seriesKey, BurstHistory history, Instant bucket, BurstHistory.Mark mark) {
        List<Instant> dropped = history.put(bucket, mark);
        if (dropped.remove(bucket)) {
            // older than the series' window (a backfill, newest first): never stored; evidence offered while
            // it was still in the window goes too
            forgetEvidence(bucketKey(seriesKey, bucket));
            return false;
        }
        marks.put(bucketKey(seriesKey, bucket), mark);
        dropped.forEach(old -> {
            marks.delete(bucketKey(seriesKey, old));
            evidence.delete(bucketKey(seriesKey, old));
        });
        return true;
    }

    /**
     * A series needs half a baseline of history before it can burst: otherwise the first days of a new sector,
     * or of a fresh pipeline back-filling its archive, would all look like bursts.
     */
    private static boolean knownLongEnough(BurstHistory history, Granularity g, Instant bucket) {
        Instant needed = bucket;
        for (int i = 0; i < g.baselineBuckets() / 2; i++) {
            needed = g.previousBucket(needed);
        }
        return !history.first().isAfter(needed);
    }

    private static long[] baseline(BurstHistory history, Granularity g, Instant bucketStart) {
        long[] counts = new long[g.baselineBuckets()];
        Instant bucket = bucketStart;
        for (int i = counts.length - 1; i >= 0; i--) {
            bucket = g.previousBucket(bucket);
            counts[i] = history.count(bucket);
        }
        return counts;
    }
}
