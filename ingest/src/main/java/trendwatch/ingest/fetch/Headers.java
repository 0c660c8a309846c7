package trendwatch.ingest.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Response header fields in arrival order, looked up case-insensitively. */
final class Headers {

    private final List<String[]> fields = new ArrayList<>();

    void add(String name, String value) {
        fields.add(new String[] {name.toLowerCase(Locale.ROOT), value});
    }

    /** Appends an obs-fold continuation line to the last field. */
    void continueLast(String more) {
        if (!fields.isEmpty()) {
            String[] last = fields.get(fields.size() - 1);
            last[1] = last[1] + " " + more;
        }
    }

    /** The first value of the field, or null. */
    String first(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (String[] f : fields) {
            if (f[0].equals(key)) {
                return f[1];
            }
        }
        return null;
    }

    /** All values of the field joined with commas, as HTTP defines for list-valued fields; null when absent. */
    String joined(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = null;
        for (String[] f : fields) {
            if (f[0].equals(key)) {
                sb = sb == null ? new StringBuilder(f[1]) : sb.append(", ").append(f[1]);
            }
        }
        return sb == null ? null : sb.toString();
    }

    int size() {
        return fields.size();
    }
}
