package trendwatch.classify;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.Topics;

/**
 * A labeled paragraph with its JSON, encoded once: the same bytes go to {@code trend.paragraphs.labeled} and to
 * each of its sectors' topics (encoding it for every topic was a fifth of classify's CPU).
 */
record EncodedParagraph(LabeledParagraph paragraph, byte[] json) {

    /** Writes the encoded JSON as it is; reads it back as the labeled topic's serde would. */
    static final Serde<EncodedParagraph> SERDE = Serdes.serdeFrom(
            (topic, encoded) -> encoded == null ? null : encoded.json(),
            (topic, bytes) -> bytes == null ? null : new EncodedParagraph(
                    Topics.PARAGRAPHS_LABELED.valueSerde().deserializer().deserialize(topic, bytes), bytes));

    static EncodedParagraph of(LabeledParagraph paragraph) {
        return new EncodedParagraph(paragraph,
                Topics.PARAGRAPHS_LABELED.valueSerde().serializer().serialize(Topics.PARAGRAPHS_LABELED.name(), paragraph));
    }
}
