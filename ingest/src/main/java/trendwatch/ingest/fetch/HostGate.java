package trendwatch.ingest.fetch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Per-host politeness: one request at a time per host, and a minimum gap between the end of one request and
 * the start of the next. Each host has its own fair lock, so hosts never wait for each other and waiters on
 * one host go in arrival order.
 */
final class HostGate {

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    /** Blocks until it is this caller's turn on the host and the gap since the last request has passed. */
    Permit enter(String host, Duration gap) throws InterruptedException {
        Slot slot = slots.computeIfAbsent(host, h -> new Slot());
        slot.lock.lockInterruptibly();
        try {
            long waitNanos = slot.lastEndNanos + gap.toNanos() - System.nanoTime();
            if (slot.used && waitNanos > 0) {
                // sleeping while holding the host's lock is the point: the next request must wait too
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
        } catch (InterruptedException e) {
            slot.lock.unlock();
            throw e;
        }
        return new Permit(slot);
    }

    /** Held for the duration of one request; closing it records the end time and lets the next one in. */
    static final class Permit implements AutoCloseable {
        private final Slot slot;
        private boolean closed;

        private Permit(Slot slot) {
            this.slot = slot;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                slot.used = true;
                slot.lastEndNanos = System.nanoTime();
                slot.lock.unlock();
            }
        }
    }

    private static final class Slot {
        final ReentrantLock lock = new ReentrantLock(true);
        // guarded by lock
        boolean used;
        long lastEndNanos;
    }
}
