package trendwatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GrafanaPromQlTest {

    @Test
    void shouldFindTheMetricInsideFunctionsAndAggregationsButNotLabelsOrVariables() {
        assertThat(GrafanaPromQl.metricNames(
                "sum by (sector) (rate(trendwatch_paragraphs_labeled_total{sector=~\"$sector\"}[$__rate_interval]))"))
                .containsExactly("trendwatch_paragraphs_labeled_total");
    }

    @Test
    void shouldSkipStringArgumentsAndLabelListsOfVectorMatching() {
        assertThat(GrafanaPromQl.metricNames("max by (stage) (label_replace(kafka_stream_thread_process_rate,"
                + " \"stage\", \"$1\", \"thread_id\", \"trendwatch-([a-z]+)-.*\"))"
                + " / on (stage) group_left(instance) up"))
                .containsExactly("kafka_stream_thread_process_rate", "up");
    }

    @Test
    void shouldReadBothSidesOfABinaryExpressionWithNumbersDurationsAndOffsets() {
        assertThat(GrafanaPromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(a_seconds_bucket[5m])))"
                + " > 1e-3 and b_total offset 1h30m or time() - c_seconds unless vector(0x1F)"))
                .containsExactly("a_seconds_bucket", "b_total", "c_seconds");
    }

    @Test
    void shouldNameAMetricSelectedByName() {
        assertThat(GrafanaPromQl.metricNames("count({__name__=\"jvm_threads_live_threads\", job=~\"trend.*\"})"))
                .containsExactly("jvm_threads_live_threads");
    }

    @Test
    void shouldTakeTheSelectorNotTheLabelFromLabelValues() {
        assertThat(GrafanaPromQl.templateMetricNames("label_values(trendwatch_paragraphs_labeled_total, sector)"))
                .containsExactly("trendwatch_paragraphs_labeled_total");
        assertThat(GrafanaPromQl.templateMetricNames("label_values(x_total{job=\"a, b\"}, stage)"))
                .containsExactly("x_total");
        assertThat(GrafanaPromQl.templateMetricNames("label_values(sector)")).isEmpty();
        assertThat(GrafanaPromQl.templateMetricNames("query_result(topk(3, y_total))")).containsExactly("y_total");
    }

    @Test
    void shouldRefuseAnUnknownFunctionRatherThanTakeItForAMetric() {
        assertThatThrownBy(() -> GrafanaPromQl.metricNames("rates(x_total[5m])"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rates(");
    }

    @Test
    void shouldMapHistogramSeriesToTheirFamily() {
        assertThat(GrafanaPromQl.family("trendwatch_ingest_poll_duration_seconds_count"))
                .isEqualTo("trendwatch_ingest_poll_duration_seconds");
        assertThat(GrafanaPromQl.family("trendwatch_paragraphs_labeled_total"))
                .isEqualTo("trendwatch_paragraphs_labeled_total");
    }
}
