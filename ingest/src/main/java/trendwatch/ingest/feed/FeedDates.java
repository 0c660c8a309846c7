package trendwatch.ingest.feed;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publication dates as feeds really write them, keeping the zone they were written in:
 * RFC 822 with or without weekday and seconds, two-digit years, named zones (GMT, EST, CST, +0800),
 * ISO 8601 with or without zone, and Chinese dates ("2025年1月2日 10:00").
 */
final class FeedDates {

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    /** RFC 822 names, then the ones feeds use anyway. US readings win where a name is ambiguous (CST, IST). */
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("UT", "Z"), Map.entry("UTC", "Z"), Map.entry("GMT", "Z"), Map.entry("Z", "Z"),
            Map.entry("EST", "-05:00"), Map.entry("EDT", "-04:00"), Map.entry("CST", "-06:00"),
            Map.entry("CDT", "-05:00"), Map.entry("MST", "-07:00"), Map.entry("MDT", "-06:00"),
            Map.entry("PST", "-08:00"), Map.entry("PDT", "-07:00"), Map.entry("AKST", "-09:00"),
            Map.entry("HST", "-10:00"), Map.entry("BST", "+01:00"), Map.entry("IST", "+05:30"),
            Map.entry("CET", "+01:00"), Map.entry("CEST", "+02:00"), Map.entry("MET", "+01:00"),
            Map.entry("EET", "+02:00"), Map.entry("EEST", "+03:00"), Map.entry("WET", "Z"),
            Map.entry("MSK", "+03:00"), Map.entry("JST", "+09:00"), Map.entry("KST", "+09:00"),
            Map.entry("HKT", "+08:00"), Map.entry("SGT", "+08:00"), Map.entry("AEST", "+10:00"),
            Map.entry("AEDT", "+11:00"), Map.entry("NZST", "+12:00"));

    private static final String ZONE = "(?<zone>[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|[A-Za-z]{1,5})?";

    private static final Pattern RFC822 = Pattern.compile("(?:[A-Za-z]+,?\\s*)?(?<day>\\d{1,2})[\\s-]+"
            + "(?<month>[A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(?<year>\\d{2}|\\d{4})"
            + "(?:[\\sT]+(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?)(?:\\.\\d+)?)?\\s*(?:GMT(?=[+-]))?" + ZONE + "(?:\\s*\\(.*\\))?");

    private static final Pattern ISO = Pattern.compile("(?<year>\\d{4})[-/.](?<month>\\d{1,2})[-/.](?<day>\\d{1,2})"
            + "(?:[T\\s]+(?<time>\\d{1,2}:\\d{2}(?::\\d{2})?)(?<fraction>[.,]\\d+)?)?\\s*" + ZONE);

    private static final Pattern CHINESE = Pattern.compile("(?<year>\\d{4})\\s*年\\s*(?<month>\\d{1,2})\\s*月"
            + "\\s*(?<day>\\d{1,2})\\s*[日号]?\\s*(?<time>\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?)?\\s*" + ZONE);

    private static final Pattern NUMERIC_ZONE = Pattern.compile("([+-])(\\d{2}):?(\\d{2})?");

    private FeedDates() {
    }

    /**
     * The time {@code text} names, or null when it names none.
     *
     * @param defaultZone the zone of times written without one (the feed's region, else UTC)
     */
    static OffsetDateTime parse(String text, ZoneOffset defaultZone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        for (Pattern pattern : new Pattern[] {ISO, RFC822, CHINESE}) {
            Matcher m = pattern.matcher(trimmed);
            if (m.matches()) {
                return build(m, pattern == RFC822, defaultZone);
            }
        }
        return null;
    }

    private static OffsetDateTime build(Matcher m, boolean namedMonth, ZoneOffset defaultZone) {
        try {
            int year = year(m.group("year"));
            int month = namedMonth ? MONTHS.getOrDefault(m.group("month").toLowerCase(Locale.ROOT), 0)
                    : Integer.parseInt(m.group("month"));
            LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group("day")));
            LocalTime time = time(m.group("time"));
            ZoneOffset zone = zone(m.group("zone"), defaultZone);
            if (zone == null) {
                return null;
            }
            return OffsetDateTime.of(LocalDateTime.of(date, time), zone);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int year(String year) {
        int value = Integer.parseInt(year);
        // RFC 822 two-digit years: read as this century up to 69, like most mail readers do
        return year.length() == 2 ? (value < 70 ? 2000 + value : 1900 + value) : value;
    }

    private static LocalTime time(String time) {
        if (time == null) {
            return LocalTime.MIDNIGHT;
        }
        String[] parts = time.replace('：', ':').split(":");
        int seconds = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        // "23:59:60" leap seconds appear in the wild; java.time has no such second
        return LocalTime.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Math.min(seconds, 59));
    }

    /** The offset a zone text names; the default for none; null for a name nobody agrees on. */
    private static ZoneOffset zone(String zone, ZoneOffset defaultZone) {
        if (zone == null || zone.isEmpty()) {
            return defaultZone;
        }
        Matcher numeric = NUMERIC_ZONE.matcher(zone);
        if (numeric.matches()) {
            int hours = Integer.parseInt(numeric.group(2));
            int minutes = numeric.group(3) == null ? 0 : Integer.parseInt(numeric.group(3));
            int sign = numeric.group(1).equals("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        String named = ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (named != null) {
            return ZoneOffset.of(named);
        }
        // RFC 822 military letters other than Z are notoriously misused; the day is still right in UTC
        return zone.length() == 1 ? ZoneOffset.UTC : null;
    }

    /** Where feeds in a language usually write zone-less times: East Asian feeds mean local time. */
    static ZoneOffset defaultZone(String lang) {
        String tag = lang == null ? "" : lang.toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh")) {
            return ZoneOffset.ofHours(8);
        }
        if (tag.startsWith("ja") || tag.startsWith("ko")) {
            return ZoneOffset.ofHours(9);
        }
        return ZoneOffset.UTC;
    }
}
