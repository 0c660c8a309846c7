package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void shouldFoldFullWidthAndCase() {
        assertThat(normalize("ＡＩ芯片 ＧＰＵ　Ｈ２０")).isEqualTo("ai芯片 gpu h20");
    }

    @Test
    void shouldReadHyphensAsSpacesAndCollapseWhitespace() {
        assertThat(normalize("  Self-Driving\t\n\u00a0cars — solid‐state  ")).isEqualTo("self driving cars solid state");
    }

    @Test
    void shouldDropInvisibleFormatCharacters() {
        assertThat(normalize("星\u200b链\u00ad \ufeffspace\u200dx")).isEqualTo("星链 spacex");
    }

    @Test
    void shouldLowerCaseWithoutTheDefaultLocale() {
        assertThat(normalize("TITAN İSTANBUL")).isEqualTo("titan istanbul");
    }

    @Test
    void shouldKeepLoneSurrogatesAndEmoji() {
        assertThat(normalize("a\uD800b🚀")).isEqualTo("a\uD800b🚀");
    }

    @Test
    void shouldReadTraditionalChineseAsSimplified() {
        assertThat(normalize("自動駕駛 晶片 電池 機器人 衛星 半導體 藥廠")).isEqualTo("自动驾驶 晶片 电池 机器人 卫星 半导体 药厂");
    }

    @Test
    void shouldFoldCompatibilityIdeographsAndKeepSimplifiedAsItIs() {
        assertThat(normalize("\uf900\u8c48")).isEqualTo(normalize("豈豈"));
        assertThat(normalize("自动驾驶和固态电池")).isEqualTo("自动驾驶和固态电池");
    }

    @Test
    void shouldComposeCombiningSequences() {
        assertThat(normalize("Cafe\u0301 ﬁrst ①")).isEqualTo("café first 1");
    }

    @Test
    void shouldMapEveryNormalisedCharBackToTheOriginal() {
        String text = "  ＧＰＵ\u200b和  ﬁ自動🚀Cafe\u0301x";
        NormalizedText normalized = TextNormalizer.normalize(text);

        assertThat(new String(normalized.chars())).isEqualTo("gpu和 fi自动🚀caféx");
        assertThat(original(text, normalized, 0, 3)).isEqualTo("ＧＰＵ");
        assertThat(original(text, normalized, 3, 4)).isEqualTo("和");
        assertThat(original(text, normalized, 5, 7)).isEqualTo("ﬁ");
        assertThat(original(text, normalized, 6, 9)).isEqualTo("ﬁ自動");
        assertThat(original(text, normalized, 9, 11)).isEqualTo("🚀");
        assertThat(original(text, normalized, 11, 16)).isEqualTo("Cafe\u0301x");
    }

    @Test
    void shouldBuildOneRunForPlainText() {
        String text = "Solid-state batteries 固态电池\nare coming.";
        NormalizedText normalized = TextNormalizer.normalize(text);

        for (int i = 0; i < normalized.chars().length; i++) {
            assertThat(normalized.originalStart(i)).isEqualTo(i);
            assertThat(normalized.originalEnd(i + 1)).isEqualTo(i + 1);
        }
    }

    @Test
    void shouldGiveNothingForNothing() {
        assertThat(TextNormalizer.normalize(null).chars()).isEmpty();
        assertThat(TextNormalizer.normalize(" \n ").chars()).isEmpty();
    }

    @Test
    void shouldCutTextLongerThanTheLimit() {
        assertThat(TextNormalizer.normalize("x".repeat(TextNormalizer.MAX_CHARS + 10)).chars()).hasSize(TextNormalizer.MAX_CHARS);
    }

    private static String original(String text, NormalizedText normalized, int start, int end) {
        return text.substring(normalized.originalStart(start), normalized.originalEnd(end));
    }

    private static String normalize(String text) {
        return new String(TextNormalizer.normalize(text).chars());
    }
}
