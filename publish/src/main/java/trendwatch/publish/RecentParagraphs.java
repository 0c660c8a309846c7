package trendwatch.publish;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trendwatch.model.KafkaConnection;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.Topics;

/**
 * The latest labeled paragraphs per sector, kept in memory for the evidence API, and handed to live
 * listeners (the event stream) as they arrive. Only an article's latest version is kept: classify writes every
 * paragraph of a version, labeled or not, in order from index 0 and keyed by article (so in one partition, in
 * order), so a paragraph 0 means the article's earlier paragraphs were superseded, including one that no longer
 * carries a sector. A withdrawn article writes no paragraphs, only a tombstone on {@code trend.articles.labeled},
 * which a second follower reads; the two topics come in no common order, so a paragraph counts as withdrawn when
 * its record is no newer than the article's tombstone, whichever of the two arrives first.
 */
public final class RecentParagraphs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecentParagraphs.class);

    private static final int KEEP_PER_SECTOR = 200;
    /** Tombstones remembered for paragraphs that arrive after them: a restart replays both topics' tails. */
    private static final int WITHDRAWALS_KEPT = 10_000;
    private static final String ALL = "";
    /** Whether an {@code trend.articles.labeled} record has a value: its JSON is not needed, so not parsed. */
    private static final Deserializer<Boolean> PRESENCE = (topic, bytes) -> bytes == null ? null : Boolean.TRUE;

    /** A kept paragraph with its record's timestamp, to tell it from a withdrawal. */
    private record Kept(LabeledParagraph paragraph, long timestamp) {
    }

    private final Map<String, Deque<Kept>> bySector = new HashMap<>();
    /** How many kept entries each article has, so that a new article's first paragraph scans no list. */
    private final Map<String, Integer> keptPerArticle = new HashMap<>();
    private final Map<String, Long> withdrawnAt = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > WITHDRAWALS_KEPT;
        }
    };
    private final List<Consumer<LabeledParagraph>> listeners = new CopyOnWriteArrayList<>();
    private final TopicFollower<LabeledParagraph> paragraphs;
    private final TopicFollower<Boolean> withdrawals;
    private final Set<String> sectorIds;
    private final Set<String> unknownSectors = new HashSet<>();

    /** {@code sectorIds}: the sectors of publish's taxonomy, which the API and metrics serve. */
    public RecentParagraphs(KafkaConnection kafka, Collection<String> sectorIds) {
        this.sectorIds = Set.copyOf(sectorIds);
        this.paragraphs = new TopicFollower<>(kafka, Topics.PARAGRAPHS_LABELED.name(),
                Topics.PARAGRAPHS_LABELED.valueSerde().deserializer(), 10L * KEEP_PER_SECTOR, (key, paragraph, at) -> {
                    if (paragraph != null) {
                        add(paragraph, at);
                    }
                });
        this.withdrawals = new TopicFollower<>(kafka, Topics.ARTICLES_LABELED.name(), PRESENCE,
                10L * KEEP_PER_SECTOR, (articleId, present, at) -> {
                    if (present == null && articleId != null) {
                        withdraw(articleId, at);
                    }
                });
    }

    public void start() {
        withdrawals.start();
        paragraphs.start();
    }

    /** Called with every labeled paragraph that arrives from now on. */
    public void listen(Consumer<LabeledParagraph> listener) {
        listeners.add(listener);
    }

    /** The newest paragraphs first; {@code sector} null means any paragraph with a label. */
    public synchronized List<LabeledParagraph> latest(String sector, int limit) {
        Deque<Kept> kept = bySector.getOrDefault(sector == null ? ALL : sector, new ArrayDeque<>());
        return kept.stream().limit(limit).map(Kept::paragraph).toList();
    }

    /** A paragraph whose record has the timestamp {@code at}. */
    void add(LabeledParagraph paragraph, long at) {
        synchronized (this) {
            if (paragraph.index() == 0) {
                forget(paragraph.articleId(), Long.MAX_VALUE);
            }
            Long withdrawn = withdrawnAt.get(paragraph.articleId());
            if (paragraph.labels().isEmpty() || withdrawn != null && at <= withdrawn) {
                return;
            }
            Kept kept = new Kept(paragraph, at);
            keep(ALL, kept);
            paragraph.labels().forEach(label -> {
                keep(label.sector(), kept);
                warnIfUnknown(label.sector());
            });
        }
        listeners.forEach(listener -> listener.accept(paragraph));
    }

    /**
     * Counted and kept all the same, but publish's API asks only for its taxonomy's sectors: the user gave classify
     * a taxonomy and publish another (in a cluster every stage takes its own {@code --taxonomy}), or removed a sector
     * without re-labeling.
     */
    private void warnIfUnknown(String sector) {
        if (!sectorIds.contains(sector) && unknownSectors.add(sector)) {
            LOG.warn("publish: paragraphs are labeled '{}', a sector its taxonomy does not have ({}): give publish the"
                    + " taxonomy classify uses (--taxonomy), or re-label after removing a sector (--relabel)", sector,
                    String.join(", ", new TreeSet<>(sectorIds)));
        }
    }

    /** The sectors of labels seen that publish's taxonomy does not have, each warned of once. */
    synchronized Set<String> unknownSectors() {
        return Set.copyOf(unknownSectors);
    }

    /** The article was withdrawn by a tombstone with the timestamp {@code at}. */
    synchronized void withdraw(String articleId, long at) {
        withdrawnAt.put(articleId, at);
        forget(articleId, at);
    }

    /** Drops the article's paragraphs whose records are no newer than {@code at}. */
    private void forget(String articleId, long at) {
        if (!keptPerArticle.containsKey(articleId)) {
            return;
        }
        bySector.values().forEach(kept -> kept.removeIf(k -> {
            boolean drop = k.paragraph().articleId().equals(articleId) && k.timestamp() <= at;
            if (drop) {
                uncount(articleId);
            }
            return drop;
        }));
    }

    private void keep(String key, Kept paragraph) {
        Deque<Kept> kept = bySector.computeIfAbsent(key, k -> new ArrayDeque<>());
        kept.addFirst(paragraph);
        keptPerArticle.merge(paragraph.paragraph().articleId(), 1, Integer::sum);
        if (kept.size() > KEEP_PER_SECTOR) {
            uncount(kept.removeLast().paragraph().articleId());
        }
    }

    private void uncount(String articleId) {
        keptPerArticle.computeIfPresent(articleId, (id, n) -> n == 1 ? null : n - 1);
    }

    @Override
    public void close() {
        paragraphs.close();
        withdrawals.close();
    }
}
