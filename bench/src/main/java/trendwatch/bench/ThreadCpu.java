package trendwatch.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CPU time of the process's threads between two moments, by kind of thread (stream threads, the broker's request
 * handlers, the benchmark's consumers...): on two cores shared by the stages, the broker and the harness, a
 * latency figure means little without knowing who had the CPU.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private final Map<Long, Long> startNanos = new HashMap<>();
    private final long startProcessNanos;
    private final long startWallNanos;
    private final long startGcMillis;
    private final long startJitMillis;

    private ThreadCpu() {
        for (long id : THREADS.getAllThreadIds()) {
            startNanos.put(id, Math.max(0, THREADS.getThreadCpuTime(id)));
        }
        startProcessNanos = ThroughputBench.processCpuNanos();
        startWallNanos = System.nanoTime();
        startGcMillis = gcMillis();
        startJitMillis = jitMillis();
    }

    static ThreadCpu start() {
        return new ThreadCpu();
    }

    /** One line per kind of thread, in cores (CPU seconds per second), the busiest first; threads gone are lost. */
    String report(int top) {
        double wall = System.nanoTime() - startWallNanos;
        Map<String, Long> byKind = new HashMap<>();
        long threadsTotal = 0;
        for (long id : THREADS.getAllThreadIds()) {
            ThreadInfo info = THREADS.getThreadInfo(id);
            long now = THREADS.getThreadCpuTime(id);
            if (info == null || now < 0) {
                continue;
            }
            long used = now - startNanos.getOrDefault(id, 0L);
            byKind.merge(kind(info.getThreadName()), used, Long::sum);
            threadsTotal += used;
        }
        long process = ThroughputBench.processCpuNanos() - startProcessNanos;
        Map<String, Long> sorted = new LinkedHashMap<>();
        byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "CPU in cores over %.1f s: process %.2f (Java threads %.2f, the rest GC, JIT and the VM); GC pauses"
                        + " %d ms, JIT compiling %d ms%n", wall / 1e9, process / wall, threadsTotal / wall,
                gcMillis() - startGcMillis, jitMillis() - startJitMillis));
        sorted.forEach((kind, nanos) -> out.append(String.format(Locale.ROOT, "  %5.2f  %s%n", nanos / wall, kind)));
        return out.toString();
    }

    /** Time the collectors report spent collecting (G1: its pauses), so far. */
    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(ms -> ms > 0).sum();
    }

    /** Time the JIT compilers spent compiling, so far: a deoptimised hot path shows up as new compiling. */
    private static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** A thread's name without its numbers and ids, so that e.g. all request handler threads add up. */
    static String kind(String threadName) {
        return NUMBER.matcher(UUID.matcher(threadName).replaceAll("*")).replaceAll("N");
    }
}
