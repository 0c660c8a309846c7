package trendwatch.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * The GC settings a benchmark's figures depend on, printed with them. Under load Kafka's network buffers are megabytes
 * (a produce request reaching the in-process broker, a fetch response), and with Java's default G1 regions for this
 * machine's 6 GB heap (4 MB) every buffer over half a region is a humongous object, whose allocation starts a
 * concurrent marking cycle whenever the old generation is above G1's threshold: 150-170 cycles in a LatencyBench
 * run, and they took the CPU of its slowest seconds. Regions of 16 MB (in the JVM arguments Kafka's documentation
 * gives for brokers) leave those buffers ordinary objects.
 */
final class GcSettings {

    private static final long RECOMMENDED_REGION_MB = 16;

    private GcSettings() {
    }

    /** One line: the heap and region size, and what to add when the regions are smaller than recommended. */
    static String describe() {
        long regionMb = regionBytes() >> 20;
        String line = String.format(Locale.ROOT, "heap=%d MB G1 regions=%s", Runtime.getRuntime().maxMemory() >> 20,
                regionMb > 0 ? regionMb + " MB" : "n/a (not G1)");
        if (regionMb > 0 && regionMb < RECOMMENDED_REGION_MB) {
            line += String.format(Locale.ROOT, " (the documented command runs java -XX:G1HeapRegionSize=%dm: "
                    + "with smaller ones Kafka's network buffers start G1 marking cycles)", RECOMMENDED_REGION_MB);
        }
        return line;
    }

    private static long regionBytes() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        try {
            return Long.parseLong(hotSpot.getVMOption("G1HeapRegionSize").getValue());
        } catch (IllegalArgumentException notHotSpotOrNotG1) {
            return 0;
        }
    }
}
