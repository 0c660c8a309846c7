package trendwatch.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The fast path must agree with the patterns it skips. */
class WhitespaceTest {

    @Test
    void shouldCallPlainOnlyWhatThePatternsLeaveUnchanged() {
        int plain = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String text = "a" + c + "b";
            if (Whitespace.plain(text)) {
                plain++;
                assertThat(Whitespace.byPatterns(text)).as("U+%04X", (int) c).isEqualTo(text);
            } else if (c >= ' ') {
                assertThat(Whitespace.byPatterns(text)).as("U+%04X", (int) c).isNotEqualTo(text);
            }
        }
        assertThat(plain).isGreaterThan(60_000);
    }

    @Test
    void shouldCollapseAsThePatternsWouldWithOrWithoutTheFastPath() {
        assertThat(Whitespace.collapse("  人形机器人  ")).isEqualTo("人形机器人");
        assertThat(Whitespace.collapse("固态\u3000电池  量产\n了")).isEqualTo("固态 电池 量产 了");
        assertThat(Whitespace.collapse("zero\u200Bwidth\r\nline")).isEqualTo("zerowidth line");
        assertThat(Whitespace.normalise("a\r\nb\u2028c")).isEqualTo("a\nb\nc");
    }
}
