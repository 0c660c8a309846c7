package trendwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictUtf8Test {

    @Test
    void shouldDecodeUtf8IncludingCharactersOutsideTheBasicPlane() {
        String text = "{\"body\":\"星舰 🚀\"}";

        assertThat(StrictUtf8.decode("t", text.getBytes(StandardCharsets.UTF_8))).isEqualTo(text);
    }

    @Test
    void shouldReportTheOffsetOfASequenceCutShortAtTheEnd() {
        byte[] cut = {'{', '}', (byte) 0xE6, (byte) 0x98};

        NotUtf8Exception e = catchThrowableOfType(NotUtf8Exception.class, () -> StrictUtf8.decode("t", cut));

        assertThat(e.offset()).isEqualTo(2);
        assertThat(e).hasMessage("not UTF-8 on t: malformed byte sequence at offset 2 (0xE6)");
    }

    @Test
    void shouldDropAUtf8ByteOrderMarkAndRefuseAUtf16One() {
        byte[] utf8 = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'o', 'k'};

        assertThat(StrictUtf8.decode("t", utf8)).isEqualTo("ok");
        assertThat(catchThrowableOfType(NotUtf8Exception.class,
                () -> StrictUtf8.decode("t", "ok".getBytes(StandardCharsets.UTF_16))).offset()).isZero();
    }
}
