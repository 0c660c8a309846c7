package trendwatch.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;

/** The sizes of trend buckets. Buckets are in UTC; weeks start on Monday (ISO-8601). */
public enum Granularity {
    HOUR, DAY, WEEK;

    public Instant bucketStart(Instant t) {
        return switch (this) {
            case HOUR -> t.truncatedTo(ChronoUnit.HOURS);
            case DAY -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> t.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        };
    }

    public Instant bucketEnd(Instant bucketStart) {
        return switch (this) {
            case HOUR -> bucketStart.plus(1, ChronoUnit.HOURS);
            case DAY -> bucketStart.plus(1, ChronoUnit.DAYS);
            case WEEK -> bucketStart.plus(7, ChronoUnit.DAYS);
        };
    }

    public Instant previousBucket(Instant bucketStart) {
        return switch (this) {
            case HOUR -> bucketStart.minus(1, ChronoUnit.HOURS);
            case DAY -> bucketStart.minus(1, ChronoUnit.DAYS);
            case WEEK -> bucketStart.minus(7, ChronoUnit.DAYS);
        };
    }

    /** How many earlier buckets make a sector's baseline: a day of hours, two weeks of days, two months of weeks. */
    public int baselineBuckets() {
        return switch (this) {
            case HOUR -> 24;
            case DAY -> 14;
            case WEEK -> 8;
        };
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Granularity parse(String id) {
        return Arrays.stream(values()).filter(g -> g.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "granularity '" + id + "' is not one of hour, day, week"));
    }
}
