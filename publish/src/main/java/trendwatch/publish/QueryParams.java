package trendwatch.publish;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** The query string of a request, with parsers that fail with a reason naming the parameter and its value. */
final class QueryParams {

    private final Map<String, String> values = new HashMap<>();

    QueryParams(URI uri) {
        String query = uri.getRawQuery();
        if (query == null) {
            return;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!value.isEmpty()) {
                values.put(name, value);
            }
        }
    }

    String text(String name) {
        return values.get(name);
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value < min || value > max) {
                throw new BadRequestException(name + "=" + raw + " is outside " + min + ".." + max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + "=" + raw + " is not a whole number");
        }
    }

    /** The start of a range: an ISO-8601 instant ({@code 2025-02-01T08:00:00Z}), or a date meaning its start in UTC. */
    Instant rangeStart(String name) {
        return instant(name, QueryParams::startOf);
    }

    /**
     * The inclusive end of a range: an ISO-8601 instant as it is, or a date meaning its last instant in UTC, so that
     * {@code to=2025-02-03} takes in every bucket that starts on that day, not only the one starting at midnight.
     */
    Instant rangeEnd(String name) {
        return instant(name, date -> startOf(date.plusDays(1)).minusNanos(1));
    }

    /** As {@link #rangeEnd(String)}, refusing an end before {@code start}: an empty range is a client's mistake. */
    Instant rangeEnd(String name, Instant start) {
        Instant end = rangeEnd(name);
        if (start != null && end != null && end.isBefore(start)) {
            throw new BadRequestException(name + "=" + values.get(name) + " is before the range's start");
        }
        return end;
    }

    private Instant instant(String name, Function<LocalDate, Instant> dateToInstant) {
        String raw = values.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return raw.length() == 10 ? dateToInstant.apply(LocalDate.parse(raw)) : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + "=" + raw + " is not an ISO-8601 date or instant");
        }
    }

    private static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
