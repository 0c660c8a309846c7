package trendwatch.classify;

import org.apache.kafka.common.errors.SerializationException;

/** A raw record whose value is not UTF-8; {@link #offset()} is where its first malformed byte sequence starts. */
final class NotUtf8Exception extends SerializationException {

    private final int offset;

    NotUtf8Exception(String topic, int offset, byte first) {
        super(String.format("not UTF-8 on %s: malformed byte sequence at offset %d (0x%02X)", topic, offset,
                first & 0xFF));
        this.offset = offset;
    }

    int offset() {
        return offset;
    }
}
