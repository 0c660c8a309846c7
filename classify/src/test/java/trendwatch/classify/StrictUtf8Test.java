package trendwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    private final StrictUtf8 utf8 = new StrictUtf8();

    @Test
    void shouldDecodeUtf8IncludingCharactersOutsideTheBasicPlane() {
        String text = "{\"body\":\"星舰 🚀\"}";

        assertThat(utf8.decode("t", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void shouldReportTheOffsetOfASequenceCutShortAtTheEnd() {
        byte[] cut = {'{', '}', (byte) 0xE6, (byte) 0x98};

        NotUtf8Exception e = catchThrowableOfType(NotUtf8Exception.class, () -> utf8.decode("t", cut));

        assertThat(e.offset()).isEqualTo(2);
        assertThat(e).hasMessage("not UTF-8 on t: malformed byte sequence at offset 2 (0xE6)");
    }

    @Test
    void shouldDecodeAgainAfterRefusingARecord() {
        catchThrowableOfType(NotUtf8Exception.class, () -> utf8.decode("t", new byte[] {(byte) 0xC3}));

        assertThat(utf8.decode("t", "ok".getBytes(StandardCharsets.UTF_8))).isEqualTo("ok");
    }
}
