package trendwatch.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The recent failures of a stage's stream threads. A failed thread is replaced and the stage stays RUNNING, so a
 * record that fails it every time would loop unseen; several failures within a minute make the stage unhealthy
 * until a minute passes without one.
 */
final class ThreadFailures {

    static final Duration WINDOW = Duration.ofMinutes(1);
    static final int UNHEALTHY_AT = 3;

    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private String lastError;

    ThreadFailures(Clock clock) {
        this.clock = clock;
    }

    synchronized void record(Throwable error) {
        recent.addLast(clock.instant());
        lastError = error.toString();
        forgetOld();
    }

    synchronized boolean failing() {
        forgetOld();
        return recent.size() >= UNHEALTHY_AT;
    }

    /** For {@code /health}: how often and why, while failing. */
    synchronized String describe() {
        return recent.size() + " stream thread failures in the last " + WINDOW.toSeconds() + " s, the last: "
                + lastError;
    }

    private void forgetOld() {
        Instant since = clock.instant().minus(WINDOW);
        while (!recent.isEmpty() && recent.peekFirst().isBefore(since)) {
            recent.removeFirst();
        }
    }
}
