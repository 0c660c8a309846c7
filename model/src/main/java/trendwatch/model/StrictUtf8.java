package trendwatch.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes bytes as UTF-8 and nothing else, for everything the project reads as text: every JSON value
 * ({@link JsonSerde}) and article files. Jackson, given bytes, guesses UTF-16 or UTF-32 from a byte order mark or zero bytes and parses those too,
 * so a UTF-16 article was labeled although the contract says UTF-8, and a bad one was reported as a stray token
 * instead of a wrong encoding. A UTF-8 byte order mark is still UTF-8, and is dropped.
 */
public final class StrictUtf8 {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StrictUtf8() {
    }

    /**
     * The text of {@code bytes}; throws {@link NotUtf8Exception}, naming {@code source}, at the first byte sequence
     * UTF-8 does not allow.
     */
    public static String decode(String source, byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (startsWithByteOrderMark(bytes)) {
            in.position(BYTE_ORDER_MARK.length);
        }
        // a decoder per call: it keeps state, and callers decode on many threads
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 never yields more chars than it has bytes, so the output cannot overflow
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new NotUtf8Exception(source, in.position(), bytes[in.position()]);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= BYTE_ORDER_MARK.length
                && Arrays.equals(bytes, 0, BYTE_ORDER_MARK.length, BYTE_ORDER_MARK, 0, BYTE_ORDER_MARK.length);
    }
}
