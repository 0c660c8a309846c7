package trendwatch.publish;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import trendwatch.model.Granularity;
import trendwatch.model.TrendCount;

/**
 * The binary form of publish's internal records, on its stores, changelogs and repartition topics. Every count
 * change reads and writes them, and as JSON they were three quarters of publish's CPU (JFR). They are private to
 * publish: nothing outside reads these topics, and the contract's topics stay JSON. Values are read from a
 * {@link ByteBuffer} and written to an {@link Out}: the {@code DataInputStream} they were first read with spent a
 * third of publish's thread reading four-byte lengths one virtual call per byte (JFR).
 */
final class Wire {

    /** First byte of every value; the JSON an earlier trendwatch wrote starts with '{' and is refused by name. */
    private static final byte VERSION = 1;
    /** Tags of a {@link BurstInput}: 0 and 1 are the boolean "is a count" of the build that had only two kinds. */
    private static final byte OFFER = 0;
    private static final byte COUNT = 1;
    private static final byte WITHDRAWAL = 2;

    static final Serde<Contribution> CONTRIBUTION = serde("Contribution",
            Wire::writeContribution, Wire::readContribution);
    static final Serde<BucketCounts> BUCKET_COUNTS = serde("BucketCounts", Wire::writeBucket, Wire::readBucket);
    static final Serde<BurstInput> BURST_INPUT = serde("BurstInput", Wire::writeBurstInput, Wire::readBurstInput);
    static final Serde<BurstHistory.Mark> BURST_MARK = serde("BurstHistory.Mark", Wire::writeMark, Wire::readMark);
    static final Serde<List<Evidence>> EVIDENCE_LIST = serde("evidence list", Wire::writeEvidenceList,
            Wire::readEvidenceList);

    private Wire() {
    }

    private interface Writer<T> {
        void write(Out out, T value);
    }

    private interface Reader<T> {
        T read(ByteBuffer in);
    }

    private static <T> Serde<T> serde(String type, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            Out out = new Out();
            out.writeByte(VERSION);
            writer.write(out, value);
            return out.toByteArray();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0 || bytes[0] != VERSION) {
                throw new SerializationException("not a " + type + " of this trendwatch on " + topic
                        + (bytes.length > 0 && bytes[0] == '{' ? " (JSON from an earlier version: reset publish's"
                        + " state, see README \"Upgrading\")" : ""));
            }
            try {
                return reader.read(ByteBuffer.wrap(bytes, 1, bytes.length - 1));
            } catch (RuntimeException e) {
                throw new SerializationException("not a valid " + type + " on " + topic + ": " + e, e);
            }
        });
    }

    private static void writeContribution(Out out, Contribution c) {
        writeString(out, c.articleId());
        writeInstant(out, c.eventTime());
        out.writeInt(c.labeledParagraphs());
        out.writeInt(c.sectors().size());
        for (Map.Entry<String, Contribution.Share> e : c.sectors().entrySet()) {
            writeString(out, e.getKey());
            out.writeInt(e.getValue().paragraphs());
            out.writeLong(e.getValue().scoreMillis());
            out.writeBoolean(false); // no evidence: see skipLegacyEvidence
        }
    }

    private static Contribution readContribution(ByteBuffer in) {
        String articleId = readString(in);
        Instant eventTime = readInstant(in);
        int labeledParagraphs = in.getInt();
        Map<String, Contribution.Share> sectors = new TreeMap<>();
        for (int i = in.getInt(); i > 0; i--) {
            String sector = readString(in);
            int paragraphs = in.getInt();
            long scoreMillis = in.getLong();
            sectors.put(sector, new Contribution.Share(paragraphs, scoreMillis));
            if (readBoolean(in)) {
                skipLegacyEvidence(in, 1);
            }
        }
        return new Contribution(articleId, eventTime, labeledParagraphs, sectors);
    }

    private static void writeBucket(Out out, BucketCounts b) {
        out.writeLong(b.labeledParagraphs());
        out.writeInt(b.sectors().size());
        for (Map.Entry<String, SectorTotals> e : b.sectors().entrySet()) {
            writeString(out, e.getKey());
            out.writeLong(e.getValue().paragraphs());
            out.writeLong(e.getValue().articles());
            out.writeLong(e.getValue().scoreMillis());
        }
        out.writeInt(0); // sectors with evidence: see skipLegacyEvidence
        writeUpdatedAt(out, b.updatedAt());
    }

    private static BucketCounts readBucket(ByteBuffer in) {
        long labeledParagraphs = in.getLong();
        Map<String, SectorTotals> sectors = new TreeMap<>();
        for (int i = in.getInt(); i > 0; i--) {
            sectors.put(readString(in), new SectorTotals(in.getLong(), in.getLong(), in.getLong()));
        }
        for (int i = in.getInt(); i > 0; i--) {
            readString(in);
            skipLegacyEvidence(in, in.getInt());
        }
        return new BucketCounts(sectors, labeledParagraphs, readUpdatedAt(in));
    }

    /**
     * When each sector last moved, at the end of a bucket so that the buckets of the builds that did not keep it,
     * which end before it, still read, their times unknown until the sector moves again; and so that those
     * builds, whose readers ignore trailing bytes, still read a bucket this one wrote.
     */
    private static void writeUpdatedAt(Out out, Map<String, Instant> updatedAt) {
        out.writeInt(updatedAt.size());
        for (Map.Entry<String, Instant> e : updatedAt.entrySet()) {
            writeString(out, e.getKey());
            writeInstant(out, e.getValue());
        }
    }

    private static Map<String, Instant> readUpdatedAt(ByteBuffer in) {
        Map<String, Instant> updatedAt = new TreeMap<>();
        if (!in.hasRemaining()) {
            return updatedAt;
        }
        for (int i = in.getInt(); i > 0; i--) {
            updatedAt.put(readString(in), readInstant(in));
        }
        return updatedAt;
    }

    /**
     * Builds before 2026-11-30 carried evidence texts in contributions and bucket totals; the stores they wrote
     * still read, their evidence dropped (the burst detector keeps evidence now).
     */
    private static void skipLegacyEvidence(ByteBuffer in, int count) {
        for (int i = 0; i < count; i++) {
            readEvidence(in);
        }
    }

    private static void writeBurstInput(Out out, BurstInput input) {
        if (input.count() != null) {
            out.writeByte(COUNT);
            writeCount(out, input.count());
        } else if (input.offer() != null) {
            EvidenceOffer offer = input.offer();
            out.writeByte(OFFER);
            writeString(out, offer.sector());
            writeInstant(out, offer.eventTime());
            writeEvidence(out, offer.evidence());
        } else {
            EvidenceWithdrawal withdrawal = input.withdrawal();
            out.writeByte(WITHDRAWAL);
            writeString(out, withdrawal.sector());
            writeInstant(out, withdrawal.eventTime());
            writeString(out, withdrawal.articleId());
        }
    }

    private static BurstInput readBurstInput(ByteBuffer in) {
        byte tag = in.get();
        return switch (tag) {
            case COUNT -> BurstInput.of(readCount(in));
            case OFFER -> BurstInput.of(new EvidenceOffer(readString(in), readInstant(in), readEvidence(in)));
            case WITHDRAWAL -> BurstInput.of(new EvidenceWithdrawal(readString(in), readInstant(in), readString(in)));
            default -> throw new IllegalArgumentException("unknown burst input tag " + tag);
        };
    }

    private static void writeCount(Out out, TrendCount c) {
        out.writeInt(c.schema());
        writeString(out, c.sector());
        writeString(out, c.granularity().id());
        writeInstant(out, c.bucketStart());
        writeInstant(out, c.bucketEnd());
        out.writeLong(c.paragraphs());
        out.writeLong(c.articles());
        out.writeDouble(c.score());
        writeInstant(out, c.updatedAt());
    }

    private static TrendCount readCount(ByteBuffer in) {
        return new TrendCount(in.getInt(), readString(in), Granularity.parse(readString(in)),
                readInstant(in), readInstant(in), in.getLong(), in.getLong(), in.getDouble(), readInstant(in));
    }

    private static void writeMark(Out out, BurstHistory.Mark mark) {
        out.writeLong(mark.paragraphs());
        out.writeBoolean(mark.fired());
    }

    private static BurstHistory.Mark readMark(ByteBuffer in) {
        return new BurstHistory.Mark(in.getLong(), readBoolean(in));
    }

    private static void writeEvidenceList(Out out, List<Evidence> list) {
        out.writeInt(list.size());
        for (Evidence evidence : list) {
            writeEvidence(out, evidence);
        }
    }

    private static List<Evidence> readEvidenceList(ByteBuffer in) {
        int n = in.getInt();
        List<Evidence> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readEvidence(in));
        }
        return list;
    }

    private static void writeEvidence(Out out, Evidence evidence) {
        writeString(out, evidence.articleId());
        out.writeDouble(evidence.score());
        writeBytes(out, evidence.json());
    }

    private static Evidence readEvidence(ByteBuffer in) {
        return new Evidence(readString(in), in.getDouble(), readBytes(in));
    }

    private static boolean readBoolean(ByteBuffer in) {
        return in.get() != 0;
    }

    private static void writeInstant(Out out, Instant instant) {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(ByteBuffer in) {
        return Instant.ofEpochSecond(in.getLong(), in.getInt());
    }

    private static void writeString(Out out, String s) {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(ByteBuffer in) {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(Out out, byte[] bytes) {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    /** A growing byte array written big-endian, as {@code DataOutputStream} wrote it, without its per-byte calls. */
    private static final class Out {

        private byte[] bytes = new byte[256];
        private int size;

        void writeByte(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        void writeBoolean(boolean b) {
            writeByte(b ? 1 : 0);
        }

        void writeInt(int i) {
            writeBigEndian(i, Integer.BYTES);
        }

        void writeLong(long l) {
            writeBigEndian(l, Long.BYTES);
        }

        void writeDouble(double d) {
            writeLong(Double.doubleToLongBits(d));
        }

        void write(byte[] b) {
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void writeBigEndian(long value, int width) {
            ensure(width);
            for (int shift = 8 * (width - 1); shift >= 0; shift -= 8) {
                bytes[size++] = (byte) (value >>> shift);
            }
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }
}
