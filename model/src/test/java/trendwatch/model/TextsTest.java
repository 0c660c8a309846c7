package trendwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void shouldKeepATextThatFitsAndCutOneThatDoesNotToMaxCharactersEndingInAnEllipsis() {
        assertThat(Texts.shortened("robots", 6)).isEqualTo("robots");
        assertThat(Texts.shortened("humanoid robots", 6)).isEqualTo("human…");
        assertThat(Texts.shortened(null, 6)).isNull();
    }

    @Test
    void shouldNotSplitASurrogatePair() {
        String text = "abcd\uD83E\uDD16xyz"; // "abcd🤖xyz": the robot emoji is two chars

        assertThat(Texts.shortened(text, 6)).isEqualTo("abcd…");
    }
}
