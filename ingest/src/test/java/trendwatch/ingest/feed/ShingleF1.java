package trendwatch.ingest.feed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The extraction benchmark's measure: F1 of the multisets of 4-word shingles of extracted and expected text.
 * Han characters count as words, so Chinese text is measured the same way.
 */
final class ShingleF1 {

    private static final Pattern TOKEN = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}]+");

    private ShingleF1() {
    }

    static double f1(String actual, String expected) {
        Map<String, Integer> got = shingles(actual);
        Map<String, Integer> want = shingles(expected);
        int common = 0;
        for (Map.Entry<String, Integer> entry : got.entrySet()) {
            common += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
        }
        int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        if (common == 0) {
            return 0;
        }
        double precision = common / (double) gotTotal;
        double recall = common / (double) wantTotal;
        return 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        Map<String, Integer> shingles = new HashMap<>();
        for (int i = 0; i + 4 <= tokens.size(); i++) {
            shingles.merge(String.join(" ", tokens.subList(i, i + 4)), 1, Integer::sum);
        }
        return shingles;
    }
}
