package trendwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final Instant T = Instant.parse("2025-02-03T04:05:06Z");
    private static final SourceRef SOURCE = new SourceRef("folder", "seeds", null);

    @Test
    void shouldRoundTripEveryMessageRecord() {
        Article article = new Article(Article.SCHEMA, "a1", SOURCE, "https://x/1", "标题", "木言声", "刘润", "zh", T,
                T.plusSeconds(60), "第一段。\n\n第二段。", "abc");
        LabeledParagraph paragraph = new LabeledParagraph(LabeledParagraph.SCHEMA, "a1", 0, "text", "en",
                List.of(new Label("chips", 0.9, List.of("gpu"))), T, T, SOURCE, null, "t", "v1");
        ArticleLabels labels = new ArticleLabels(ArticleLabels.SCHEMA, "a1", null, T, SOURCE, null, "t", "v1",
                Map.of("chips", new SectorContribution(2, 1.5)));
        TrendCount count = new TrendCount(TrendCount.SCHEMA, "chips", Granularity.WEEK, T, T, 3, 1, 1.5, T);

        assertThat(roundTrip(article, Article.class)).isEqualTo(article);
        assertThat(roundTrip(paragraph, LabeledParagraph.class)).isEqualTo(paragraph);
        assertThat(roundTrip(labels, ArticleLabels.class)).isEqualTo(labels);
        assertThat(roundTrip(count, TrendCount.class)).isEqualTo(count);
    }

    @Test
    void shouldWriteReadableJsonWithIsoInstantsAndLowercaseGranularity() {
        TrendCount count = new TrendCount(TrendCount.SCHEMA, "space", Granularity.DAY, T, T, 1, 1, 0.5, T);

        String json = new String(JsonSerde.of(TrendCount.class).serialize("t", count), StandardCharsets.UTF_8);

        assertThat(json).contains("\"granularity\":\"day\"").contains("\"bucketStart\":\"2025-02-03T04:05:06Z\"")
                .contains("\"schema\":1");
    }

    @Test
    void shouldRejectAnArticleWithoutItsRequiredFields() {
        byte[] noBody = "{\"schema\":1,\"id\":\"a\",\"source\":{\"type\":\"folder\",\"id\":\"s\"},\"fetchedAt\":\"2025-01-01T00:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> JsonSerde.of(Article.class).deserialize("raw", noBody))
                .isInstanceOf(SerializationException.class).hasMessageContaining("body");
    }

    @Test
    void shouldRejectInvalidJson() {
        assertThatThrownBy(() -> JsonSerde.of(Article.class).deserialize("raw", "{not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("raw");
    }

    @Test
    void shouldReadTextAsItReadsBytesAndRejectItTheSameWay() {
        Article article = new Article(Article.SCHEMA, "a1", SOURCE, null, "标题", null, null, "zh", T, T, "正文。", "h");
        JsonSerde<Article> serde = JsonSerde.of(Article.class);
        String json = new String(serde.serialize("t", article), StandardCharsets.UTF_8);

        assertThat(serde.deserialize("t", json)).isEqualTo(article);
        assertThatThrownBy(() -> serde.deserialize("raw", "{not json"))
                .isInstanceOf(SerializationException.class).hasMessageStartingWith("not a valid Article on raw: ");
    }

    private static <T> T roundTrip(T value, Class<T> type) {
        JsonSerde<T> serde = JsonSerde.of(type);
        return serde.deserialize("t", serde.serialize("t", value));
    }
}
