package trendwatch.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import trendwatch.model.KafkaConnection;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.Topics;

/**
 * The latest labeled paragraphs per sector, kept in memory for the evidence API, and handed to live
 * listeners (the event stream) as they arrive. Only an article's latest version is kept: classify writes every
 * paragraph of a version, labeled or not, in order from index 0 and keyed by article (so in one partition, in
 * order), so a paragraph 0 means the article's earlier paragraphs were superseded, including one that no longer
 * carries a sector.
 */
public final class RecentParagraphs implements AutoCloseable {

    private static final int KEEP_PER_SECTOR = 200;
    private static final String ALL = "";

    private final Map<String, Deque<LabeledParagraph>> bySector = new HashMap<>();
    private final List<Consumer<LabeledParagraph>> listeners = new CopyOnWriteArrayList<>();
    private final TopicFollower<LabeledParagraph> follower;

    public RecentParagraphs(KafkaConnection kafka) {
        this.follower = new TopicFollower<>(kafka, Topics.PARAGRAPHS_LABELED, 10L * KEEP_PER_SECTOR,
                this::add);
    }

    public void start() {
        follower.start();
    }

    /** Called with every labeled paragraph that arrives from now on. */
    public void listen(Consumer<LabeledParagraph> listener) {
        listeners.add(listener);
    }

    /** The newest paragraphs first; {@code sector} null means any paragraph with a label. */
    public synchronized List<LabeledParagraph> latest(String sector, int limit) {
        Deque<LabeledParagraph> kept = bySector.getOrDefault(sector == null ? ALL : sector, new ArrayDeque<>());
        return kept.stream().limit(limit).toList();
    }

    void add(LabeledParagraph paragraph) {
        if (paragraph.index() == 0) {
            forget(paragraph.articleId());
        }
        if (paragraph.labels().isEmpty()) {
            return;
        }
        synchronized (this) {
            keep(ALL, paragraph);
            paragraph.labels().forEach(label -> keep(label.sector(), paragraph));
        }
        listeners.forEach(listener -> listener.accept(paragraph));
    }

    private synchronized void forget(String articleId) {
        bySector.values().forEach(kept -> kept.removeIf(p -> p.articleId().equals(articleId)));
    }

    private void keep(String key, LabeledParagraph paragraph) {
        Deque<LabeledParagraph> kept = bySector.computeIfAbsent(key, k -> new ArrayDeque<>());
        kept.addFirst(paragraph);
        if (kept.size() > KEEP_PER_SECTOR) {
            kept.removeLast();
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
