package trendwatch.ingest.fetch;

import java.time.Duration;
import java.util.Locale;

/** Human-readable sizes and durations for error messages ("16 MiB", "1.5 s"). */
final class Sizes {

    private Sizes() {
    }

    static String bytes(long n) {
        if (n >= 1L << 20 && n % (1L << 20) == 0) {
            return (n >> 20) + " MiB";
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return (n >> 10) + " KiB";
        }
        return n + " bytes";
    }

    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
