package trendwatch.publish;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import trendwatch.model.Granularity;

/**
 * The current bucket of every sector and granularity as gauges: {@code trendwatch_trend_paragraphs},
 * {@code _share} and {@code _zscore}, tagged with sector and granularity only (bounded). A scrape reads the
 * stores at most once per {@link #REFRESH}, however many gauges it samples.
 */
public final class TrendMetrics implements MeterBinder {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final TrendQueries trends;
    private final List<String> sectors;
    private final Map<Granularity, Map<String, TrendPoint>> current = new EnumMap<>(Granularity.class);
    private Instant refreshedAt = Instant.EPOCH;

    public TrendMetrics(TrendQueries trends, List<String> sectors) {
        this.trends = trends;
        this.sectors = List.copyOf(sectors);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Granularity g : Granularity.values()) {
            for (String sector : sectors) {
                gauge(registry, "trendwatch.trend.paragraphs", "labeled paragraphs in the current bucket", g, sector,
                        TrendPoint::paragraphs);
                gauge(registry, "trendwatch.trend.share", "share of all labeled paragraphs in the current bucket", g,
                        sector, TrendPoint::share);
                gauge(registry, "trendwatch.trend.zscore", "current bucket against the trailing baseline", g, sector,
                        TrendPoint::zScore);
                // registered at zero so dashboards and alerts see the series before the first burst
                registry.counter("trendwatch.bursts", "sector", sector, "granularity", g.id());
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, Granularity g, String sector,
                       ToDoubleFunction<TrendPoint> value) {
        // a strong reference: nothing else holds this binder, and a collected gauge reads NaN for ever
        Gauge.builder(name, this, metrics -> metrics.sample(g, sector, value)).description(description)
                .tag("sector", sector).tag("granularity", g.id()).strongReference(true).register(registry);
    }

    private synchronized double sample(Granularity g, String sector, ToDoubleFunction<TrendPoint> value) {
        if (Instant.now().isAfter(refreshedAt.plus(REFRESH))) {
            refresh();
        }
        TrendPoint point = current.getOrDefault(g, Map.of()).get(sector);
        return point == null ? Double.NaN : value.applyAsDouble(point);
    }

    private void refresh() {
        refreshedAt = Instant.now();
        for (Granularity g : Granularity.values()) {
            try {
                Map<String, TrendPoint> points = new HashMap<>();
                trends.current(g, sectors).forEach(point -> points.put(point.sector(), point));
                current.put(g, points);
            } catch (InvalidStateStoreException | ClusterCountStores.SharedAddressException e) {
                // no gauge rather than a stale or partial one; /api/trends says why
                current.remove(g);
            }
        }
    }
}
