package trendwatch.publish;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import trendwatch.model.Burst;
import trendwatch.model.KafkaConnection;
import trendwatch.model.Topics;

/** The latest bursts from {@code trend.bursts}, newest first, for the bursts API. */
public final class RecentBursts implements AutoCloseable {

    private static final int KEEP = 200;

    private final Deque<Burst> bursts = new ArrayDeque<>();
    private final TopicFollower<Burst> follower;

    public RecentBursts(KafkaConnection kafka) {
        this.follower = TopicFollower.values(kafka, Topics.BURSTS, KEEP, this::add);
    }

    public void start() {
        follower.start();
    }

    public synchronized List<Burst> latest(String sector, int limit) {
        return bursts.stream().filter(b -> sector == null || sector.equals(b.sector())).limit(limit).toList();
    }

    synchronized void add(Burst burst) {
        bursts.addFirst(burst);
        if (bursts.size() > KEEP) {
            bursts.removeLast();
        }
    }

    @Override
    public void close() {
        follower.close();
    }
}
