package trendwatch.publish;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
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
 * publish: nothing outside reads these topics, and the contract's topics stay JSON.
 */
final class Wire {

    /** First byte of every value; the JSON an earlier trendwatch wrote starts with '{' and is refused by name. */
    private static final byte VERSION = 1;

    /** An article's contribution with its evidence, as it travels to the bucket aggregations. */
    static final Serde<Contribution> CONTRIBUTION = serde("Contribution",
            (out, c) -> writeContribution(out, c, true), Wire::readContribution);
    /** An article's contribution without evidence texts, as the table of every article keeps it. */
    static final Serde<Contribution> CONTRIBUTION_NUMBERS = serde("Contribution",
            (out, c) -> writeContribution(out, c, false), Wire::readContribution);
    static final Serde<BucketCounts> BUCKET_COUNTS = serde("BucketCounts", Wire::writeBucket, Wire::readBucket);
    static final Serde<CountChange> COUNT_CHANGE = serde("CountChange", Wire::writeChange, Wire::readChange);
    static final Serde<BurstHistory.Mark> BURST_MARK = serde("BurstHistory.Mark", Wire::writeMark, Wire::readMark);

    private Wire() {
    }

    private interface Writer<T> {
        void write(DataOutputStream out, T value) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> Serde<T> serde(String type, Writer<T> writer, Reader<T> reader) {
        return Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeByte(VERSION);
                writer.write(out, value);
            } catch (IOException e) {
                throw new SerializationException("cannot encode a " + type + " for " + topic, e);
            }
            return bytes.toByteArray();
        }, (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            if (bytes.length == 0 || bytes[0] != VERSION) {
                throw new SerializationException("not a " + type + " of this trendwatch on " + topic
                        + (bytes.length > 0 && bytes[0] == '{' ? " (JSON from an earlier version: reset publish's"
                        + " state, see README \"Upgrading\")" : ""));
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 1, bytes.length - 1))) {
                return reader.read(in);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("not a valid " + type + " on " + topic + ": " + e, e);
            }
        });
    }

    private static void writeContribution(DataOutputStream out, Contribution c, boolean withEvidence)
            throws IOException {
        writeString(out, c.articleId());
        writeInstant(out, c.eventTime());
        out.writeInt(c.labeledParagraphs());
        out.writeInt(c.sectors().size());
        for (Map.Entry<String, Contribution.Share> e : c.sectors().entrySet()) {
            writeString(out, e.getKey());
            out.writeInt(e.getValue().paragraphs());
            out.writeLong(e.getValue().scoreMillis());
            Evidence best = withEvidence ? e.getValue().best() : null;
            out.writeBoolean(best != null);
            if (best != null) {
                writeEvidence(out, best);
            }
        }
    }

    private static Contribution readContribution(DataInputStream in) throws IOException {
        String articleId = readString(in);
        Instant eventTime = readInstant(in);
        int labeledParagraphs = in.readInt();
        Map<String, Contribution.Share> sectors = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String sector = readString(in);
            int paragraphs = in.readInt();
            long scoreMillis = in.readLong();
            sectors.put(sector, new Contribution.Share(paragraphs, scoreMillis,
                    in.readBoolean() ? readEvidence(in) : null));
        }
        return new Contribution(articleId, eventTime, labeledParagraphs, sectors);
    }

    private static void writeBucket(DataOutputStream out, BucketCounts b) throws IOException {
        out.writeLong(b.labeledParagraphs());
        out.writeInt(b.sectors().size());
        for (Map.Entry<String, SectorTotals> e : b.sectors().entrySet()) {
            writeString(out, e.getKey());
            out.writeLong(e.getValue().paragraphs());
            out.writeLong(e.getValue().articles());
            out.writeLong(e.getValue().scoreMillis());
        }
        out.writeInt(b.evidence().size());
        for (Map.Entry<String, List<Evidence>> e : b.evidence().entrySet()) {
            writeString(out, e.getKey());
            writeEvidenceList(out, e.getValue());
        }
    }

    private static BucketCounts readBucket(DataInputStream in) throws IOException {
        long labeledParagraphs = in.readLong();
        Map<String, SectorTotals> sectors = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            sectors.put(readString(in), new SectorTotals(in.readLong(), in.readLong(), in.readLong()));
        }
        Map<String, List<Evidence>> evidence = new TreeMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            evidence.put(readString(in), readEvidenceList(in));
        }
        return new BucketCounts(sectors, labeledParagraphs, evidence);
    }

    private static void writeChange(DataOutputStream out, CountChange change) throws IOException {
        TrendCount c = change.count();
        out.writeInt(c.schema());
        writeString(out, c.sector());
        writeString(out, c.granularity().id());
        writeInstant(out, c.bucketStart());
        writeInstant(out, c.bucketEnd());
        out.writeLong(c.paragraphs());
        out.writeLong(c.articles());
        out.writeDouble(c.score());
        writeInstant(out, c.updatedAt());
        writeEvidenceList(out, change.evidence());
    }

    private static CountChange readChange(DataInputStream in) throws IOException {
        TrendCount count = new TrendCount(in.readInt(), readString(in), Granularity.parse(readString(in)),
                readInstant(in), readInstant(in), in.readLong(), in.readLong(), in.readDouble(), readInstant(in));
        return new CountChange(count, readEvidenceList(in));
    }

    private static void writeMark(DataOutputStream out, BurstHistory.Mark mark) throws IOException {
        out.writeLong(mark.paragraphs());
        out.writeBoolean(mark.fired());
    }

    private static BurstHistory.Mark readMark(DataInputStream in) throws IOException {
        return new BurstHistory.Mark(in.readLong(), in.readBoolean());
    }

    private static void writeEvidenceList(DataOutputStream out, List<Evidence> list) throws IOException {
        out.writeInt(list.size());
        for (Evidence evidence : list) {
            writeEvidence(out, evidence);
        }
    }

    private static List<Evidence> readEvidenceList(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Evidence> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(readEvidence(in));
        }
        return list;
    }

    private static void writeEvidence(DataOutputStream out, Evidence evidence) throws IOException {
        writeString(out, evidence.articleId());
        out.writeDouble(evidence.score());
        writeBytes(out, evidence.json());
    }

    private static Evidence readEvidence(DataInputStream in) throws IOException {
        return new Evidence(readString(in), in.readDouble(), readBytes(in));
    }

    private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
        out.writeLong(instant.getEpochSecond());
        out.writeInt(instant.getNano());
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return Instant.ofEpochSecond(in.readLong(), in.readInt());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new EOFException("a field of " + length + " bytes ends after " + bytes.length);
        }
        return bytes;
    }
}
