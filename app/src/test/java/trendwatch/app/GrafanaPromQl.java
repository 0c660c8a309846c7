package trendwatch.app;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metric names out of the PromQL a Grafana dashboard holds, so a test can hold them against a live
 * {@code /metrics}. A small tokenizer, not a parser: it skips strings, label matchers ({@code {...}}), ranges
 * ({@code [5m]}), numbers and durations, Grafana variables ({@code $sector}, {@code ${DS}}), the label lists of
 * {@code by/without/on/ignoring/group_left/group_right}, keywords and function calls; every other identifier is
 * a metric name (as in PromQL, {@code time} without parentheses would be one). An identifier followed by
 * {@code (} that is no PromQL function fails loudly rather than being mistaken for, or hidden as, a metric.
 */
final class GrafanaPromQl {

    private static final Set<String> FUNCTIONS = Set.of("abs", "absent", "absent_over_time", "acos", "acosh",
            "asin", "asinh", "atan", "atanh", "avg_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min",
            "cos", "cosh", "count_over_time", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "deg",
            "delta", "deriv", "double_exponential_smoothing", "exp", "floor", "histogram_avg", "histogram_count",
            "histogram_fraction", "histogram_quantile", "histogram_stddev", "histogram_stdvar", "histogram_sum",
            "holt_winters", "hour", "idelta", "increase", "info", "irate", "label_join", "label_replace",
            "last_over_time", "ln", "log10", "log2", "mad_over_time", "max_over_time", "min_over_time", "minute",
            "month", "pi", "predict_linear", "present_over_time", "quantile_over_time", "rad", "rate", "resets",
            "round", "scalar", "sgn", "sin", "sinh", "sort", "sort_by_label", "sort_by_label_desc", "sort_desc",
            "sqrt", "start", "end", "stddev_over_time", "stdvar_over_time", "sum_over_time", "tan", "tanh", "time",
            "timestamp", "vector", "year");
    /** Aggregation operators and keywords; PromQL reads these case-insensitively. */
    private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio", "by", "without", "on",
            "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "atan2", "inf", "nan");
    /** Keywords whose parenthesised list holds label names, not expressions. */
    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right");
    /** Grafana's Prometheus template queries: {@code label_values(selector, label)} and friends. */
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "\\s*label_values\\s*\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*", Pattern.DOTALL);
    private static final Pattern LABEL_VALUES_OF_ALL = Pattern.compile(
            "\\s*label_values\\s*\\(\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)\\s*");
    private static final Pattern QUERY_RESULT = Pattern.compile("\\s*query_result\\s*\\((.*)\\)\\s*",
            Pattern.DOTALL);
    private static final Pattern NO_METRIC = Pattern.compile("\\s*(label_names|metrics)\\s*\\(.*\\)\\s*",
            Pattern.DOTALL);
    private static final Pattern NAME_MATCHER = Pattern.compile("__name__\\s*=\\s*\"([^\"]*)\"");

    private final String expr;
    private int at;
    private final Set<String> names = new TreeSet<>();

    private GrafanaPromQl(String expr) {
        this.expr = expr;
    }

    /** The metric names a PromQL expression reads, as they appear in the exposition format. */
    static Set<String> metricNames(String expr) {
        GrafanaPromQl tokens = new GrafanaPromQl(expr);
        tokens.scan();
        return tokens.names;
    }

    /** The metric names a Grafana template variable's query reads ({@code label_values(m{...}, label)}, …). */
    static Set<String> templateMetricNames(String query) {
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.matches()) {
            return metricNames(labelValues.group(1));
        }
        Matcher queryResult = QUERY_RESULT.matcher(query);
        if (queryResult.matches()) {
            return metricNames(queryResult.group(1));
        }
        if (LABEL_VALUES_OF_ALL.matcher(query).matches() || NO_METRIC.matcher(query).matches()) {
            return Set.of();
        }
        return metricNames(query);
    }

    /** {@code foo_bucket}, {@code foo_count} and {@code foo_sum} belong to the family {@code foo}. */
    static String family(String name) {
        return name.replaceFirst("_(bucket|count|sum)$", "");
    }

    private void scan() {
        while (at < expr.length()) {
            char c = expr.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
            } else if (c == '{') {
                matchers(skipBalanced('{', '}'));
            } else if (c == '[') {
                skipBalanced('[', ']');
            } else if (c == '$') {
                skipVariable();
            } else if (c == '#') {
                skipComment();
            } else if (Character.isDigit(c) || c == '.' && at + 1 < expr.length()
                    && Character.isDigit(expr.charAt(at + 1))) {
                skipNumber();
            } else if (isIdentifierStart(c)) {
                identifier();
            } else {
                at++;
            }
        }
    }

    private void identifier() {
        int start = at;
        while (at < expr.length() && isIdentifierPart(expr.charAt(at))) {
            at++;
        }
        String word = expr.substring(start, at);
        String lower = word.toLowerCase(Locale.ROOT);
        boolean call = nextNonSpace() == '(';
        if (LABEL_LISTS.contains(lower)) {
            if (call) {
                skipSpaces();
                skipBalanced('(', ')');
            }
        } else if (KEYWORDS.contains(lower) || call && FUNCTIONS.contains(word)) {
            return;
        } else if (call) {
            throw new IllegalArgumentException("unknown PromQL function " + word + "( at offset " + start + " in: "
                    + expr);
        } else {
            names.add(word);
        }
    }

    /** Inside {@code {...}} only {@code __name__="x"} names a metric; the rest are label matchers. */
    private void matchers(String body) {
        Matcher name = NAME_MATCHER.matcher(body);
        while (name.find()) {
            names.add(name.group(1));
        }
    }

    private String skipBalanced(char open, char close) {
        int start = at;
        int depth = 0;
        while (at < expr.length()) {
            char c = expr.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                skipString(c);
                continue;
            }
            at++;
            if (c == open) {
                depth++;
            } else if (c == close && --depth == 0) {
                return expr.substring(start + 1, at - 1);
            }
        }
        throw new IllegalArgumentException("unbalanced " + open + " at offset " + start + " in: " + expr);
    }

    private void skipString(char quote) {
        int start = at++;
        while (at < expr.length()) {
            char c = expr.charAt(at++);
            if (c == '\\' && quote != '`') {
                at++;
            } else if (c == quote) {
                return;
            }
        }
        throw new IllegalArgumentException("unterminated string at offset " + start + " in: " + expr);
    }

    private void skipVariable() {
        at++;
        if (at < expr.length() && expr.charAt(at) == '{') {
            skipBalanced('{', '}');
            return;
        }
        while (at < expr.length() && isIdentifierPart(expr.charAt(at))) {
            at++;
        }
    }

    private void skipComment() {
        while (at < expr.length() && expr.charAt(at) != '\n') {
            at++;
        }
    }

    /** Numbers ({@code 0.95}, {@code 1e-3}, {@code 0x1f}, {@code Inf} is a keyword) and durations ({@code 1h30m}). */
    private void skipNumber() {
        boolean hex = expr.startsWith("0x", at) || expr.startsWith("0X", at);
        int start = at;
        while (at < expr.length()) {
            char c = expr.charAt(at);
            boolean exponentSign = !hex && at > start && (c == '+' || c == '-')
                    && (expr.charAt(at - 1) == 'e' || expr.charAt(at - 1) == 'E');
            if (Character.isLetterOrDigit(c) || c == '.' || c == '_' || exponentSign) {
                at++;
            } else {
                return;
            }
        }
    }

    private char nextNonSpace() {
        int i = at;
        while (i < expr.length() && Character.isWhitespace(expr.charAt(i))) {
            i++;
        }
        return i < expr.length() ? expr.charAt(i) : 0;
    }

    private void skipSpaces() {
        while (at < expr.length() && Character.isWhitespace(expr.charAt(at))) {
            at++;
        }
    }

    private static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || c >= '0' && c <= '9';
    }
}
