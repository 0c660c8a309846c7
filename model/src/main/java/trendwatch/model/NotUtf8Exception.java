package trendwatch.model;

import org.apache.kafka.common.errors.SerializationException;

/** Bytes that are not UTF-8; {@link #offset()} is where their first malformed byte sequence starts. */
public final class NotUtf8Exception extends SerializationException {

    private final int offset;

    NotUtf8Exception(String source, int offset, byte first) {
        super(String.format("not UTF-8 on %s: malformed byte sequence at offset %d (0x%02X)", source, offset,
                first & 0xFF));
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
