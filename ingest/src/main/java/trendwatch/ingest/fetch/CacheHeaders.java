package trendwatch.ingest.fetch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** Reads freshness (Cache-Control, Expires) and Retry-After from response headers into durations. */
final class CacheHeaders {

    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            // RFC 850, two-digit years read as 1970-2069
            new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss 'GMT'").toFormatter(Locale.ENGLISH),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH));       // asctime

    private final Clock clock;

    CacheHeaders(Clock clock) {
        this.clock = clock;
    }

    /**
     * How long the response stays fresh: Cache-Control max-age (less Age), ZERO for no-cache or no-store, else
     * Expires relative to the server's Date (or our clock); null when the server gave no freshness information.
     */
    Duration freshFor(Headers headers) {
        String cacheControl = headers.joined("Cache-Control");
        if (cacheControl != null) {
            Duration maxAge = null;
            for (String directive : cacheControl.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-cache") || d.equals("no-store") || d.startsWith("no-cache=")) {
                    return Duration.ZERO;
                }
                if (d.startsWith("max-age=")) {
                    maxAge = seconds(unquote(d.substring("max-age=".length())));
                }
            }
            if (maxAge != null) {
                Duration age = seconds(headers.first("Age"));
                return nonNegative(age == null ? maxAge : maxAge.minus(age));
            }
        }
        String expires = headers.first("Expires");
        if (expires == null) {
            return null;
        }
        Instant at = httpDate(expires);
        // an unparseable Expires ("0", "-1") means already expired (RFC 9111 §5.3)
        return at == null ? Duration.ZERO : nonNegative(Duration.between(now(headers), at));
    }

    /** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(Headers headers) {
        String value = headers.first("Retry-After");
        if (value == null) {
            return null;
        }
        Duration delay = seconds(value);
        if (delay != null) {
            return delay;
        }
        Instant at = httpDate(value);
        return at == null ? null : nonNegative(Duration.between(now(headers), at));
    }

    /** The server's Date when it sent one, so clock skew between us and the server does not distort Expires. */
    private Instant now(Headers headers) {
        Instant serverNow = headers.first("Date") == null ? null : httpDate(headers.first("Date"));
        return serverNow != null ? serverNow : clock.instant();
    }

    static Instant httpDate(String value) {
        String v = value.trim();
        for (DateTimeFormatter format : HTTP_DATES) {
            try {
                if (format == DateTimeFormatter.RFC_1123_DATE_TIME) {
                    return format.parse(v, Instant::from);
                }
                return LocalDateTime.parse(v, format).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                // try the next of the three formats HTTP allows
            }
        }
        return null;
    }

    private static Duration seconds(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Duration.ofSeconds(Long.parseLong(v));
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
