package trendwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Samples the CPU of every thread of a process (this one by default) once a second from {@code /proc/PID/task}
 * (Linux): unlike the JVM's thread list it includes the GC, the JIT and native threads such as RocksDB's flushes and
 * compactions, so a slow second of the benchmark can be matched with whoever had the CPU in it. Elsewhere it samples
 * nothing.
 */
final class ProcThreadSampler {


    /** Linux reports thread CPU in clock ticks of 10 ms (USER_HZ 100 on every common build). */
    static final double MS_PER_TICK = 10;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final long startNanos;
    /** Per second since startNanos: CPU ticks by kind of thread (the kernel's 15-character names, numbers as N). */
    private final List<Map<String, Long>> perSecond = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bench-proc-sampler");
        thread.setDaemon(true);
        return thread;
    });
    /** The last sample: taken in start(), then only on the timer's thread. */
    private Map<String, Long> before;

    /** The threads of the process sampled: {@code /proc/PID/task}. */
    private final Path tasks;

    /** Samples this process. */
    ProcThreadSampler(long startNanos) {
        this(startNanos, "self");
    }

    /** Samples process {@code pid} (a launcher's, say). */
    ProcThreadSampler(long startNanos, String pid) {
        this.startNanos = startNanos;
        this.tasks = Path.of("/proc", pid, "task");
    }

    /** Samples at the end of every second after startNanos, until {@link #finish}; nothing where there is no /proc. */
    void start() {
        before = ticksByThread();
        if (!before.isEmpty()) {
            timer.scheduleAtFixedRate(this::sample, startNanos + SECOND_NANOS - System.nanoTime(), SECOND_NANOS,
                    TimeUnit.NANOSECONDS);
        }
    }

    private void sample() {
        Map<String, Long> now = ticksByThread();
        Map<String, Long> last = before;
        Map<String, Long> second = new HashMap<>();
        now.forEach((thread, ticks) -> second.merge(ThreadCpu.kind(thread.substring(thread.indexOf(' ') + 1)),
                ticks - last.getOrDefault(thread, 0L), Long::sum));
        synchronized (perSecond) {
            perSecond.add(second);
        }
        before = now;
    }

    void finish() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
    }

    /**
     * For each second whose worst latency exceeded 1.5 times the run's median worst, the kinds of thread that used
     * the most CPU in that second and the next (an article's latency is spent after it is sent), against what they
     * use in a median second.
     */
    String slowSeconds(long[] worstMicrosPerSecond, int fromSecond) {
        List<Map<String, Long>> seconds;
        synchronized (perSecond) {
            seconds = new ArrayList<>(perSecond);
        }
        if (seconds.isEmpty()) {
            return "";
        }
        long[] measured = Arrays.copyOfRange(worstMicrosPerSecond, fromSecond, worstMicrosPerSecond.length - 1);
        long[] sorted = measured.clone();
        Arrays.sort(sorted);
        long median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        StringBuilder out = new StringBuilder();
        for (int s = fromSecond; s < worstMicrosPerSecond.length - 1 && s + 1 < seconds.size(); s++) {
            if (worstMicrosPerSecond[s] > 1.5 * median) {
                out.append(String.format(Locale.ROOT, "  second %d (worst %d ms, median %d ms):", s,
                        worstMicrosPerSecond[s] / 1000, median / 1000));
                Map<String, Long> two = new HashMap<>(seconds.get(s));
                seconds.get(s + 1).forEach((kind, ticks) -> two.merge(kind, ticks, Long::sum));
                two.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                        .forEach(e -> out.append(String.format(Locale.ROOT, " %s %.0f ms (median %.0f)", e.getKey(),
                                e.getValue() * MS_PER_TICK, 2 * medianTicks(seconds, e.getKey()) * MS_PER_TICK)));
                out.append(System.lineSeparator());
            }
        }
        return out.length() == 0 ? "" : "CPU in the slow seconds (/proc, two seconds from each):"
                + System.lineSeparator() + out;
    }

    private static double medianTicks(List<Map<String, Long>> seconds, String kind) {
        long[] ticks = seconds.stream().mapToLong(second -> second.getOrDefault(kind, 0L)).sorted().toArray();
        return ticks[ticks.length / 2];
    }

    /** User + system CPU, in clock ticks, from the text of a process's or thread's /proc stat file. */
    static long cpuTicks(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat (utime, stime) are the 12th and 13th after the name
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    /** "tid name" to user + system ticks, for every thread alive now; empty where there is no /proc. */
    private Map<String, Long> ticksByThread() {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    ticks.put(task.getFileName() + " " + stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                            cpuTicks(stat));
                } catch (IOException | RuntimeException e) {
                    // the thread ended between the listing and the read
                }
            });
        } catch (IOException e) {
            return Map.of();
        }
        return ticks;
    }
}
