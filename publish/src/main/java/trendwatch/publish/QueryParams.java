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

    /** An ISO-8601 instant ({@code 2025-02-01T08:00:00Z}) or a date ({@code 2025-02-01}, meaning its start in UTC). */
    Instant instant(String name) {
        String raw = values.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return raw.length() == 10 ? LocalDate.parse(raw).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(raw);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + "=" + raw + " is not an ISO-8601 date or instant");
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
