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
    void shouldGiveNothingForNothing() {
        assertThat(TextNormalizer.normalize(null)).isEmpty();
        assertThat(TextNormalizer.normalize(" \n ")).isEmpty();
    }

    @Test
    void shouldCutTextLongerThanTheLimit() {
        assertThat(TextNormalizer.normalize("x".repeat(TextNormalizer.MAX_CHARS + 10))).hasSize(TextNormalizer.MAX_CHARS);
    }

    private static String normalize(String text) {
        return new String(TextNormalizer.normalize(text));
    }
}
