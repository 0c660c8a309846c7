package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import trendwatch.model.EvidenceParagraph;
import trendwatch.model.Granularity;
import trendwatch.model.SourceRef;
import trendwatch.model.TrendCount;

class WireTest {

    private static final Instant WHEN = Instant.parse("2025-01-15T12:34:56.789Z");
    private static final Evidence BEST = Evidence.of(new EvidenceParagraph("a-1", "固态电池量产", "https://x.test/1",
            new SourceRef("rss", "news", null), 3, "固态电池的能量密度达到 400Wh/kg。", List.of("固态电池"), 0.93));

    @Test
    void shouldReadBackContributionsBucketCountsAndBurstMarks() {
        Contribution article = new Contribution("a-1", WHEN, 4, Map.of(
                "batteries", new Contribution.Share(3, 2710), "chips", new Contribution.Share(1, 500)));
        BucketCounts bucket = new BucketCounts(Map.of("batteries", new SectorTotals(7, 3, 6100),
                "chips", new SectorTotals(0, 0, 0)), 9, Map.of("batteries", WHEN, "chips", WHEN.plusSeconds(60)));

        assertThat(roundTrip(Wire.CONTRIBUTION, article)).isEqualTo(article);
        assertThat(roundTrip(Wire.BUCKET_COUNTS, bucket)).isEqualTo(bucket);
        assertThat(roundTrip(Wire.BURST_MARK, new BurstHistory.Mark(12, true))).isEqualTo(new BurstHistory.Mark(12, true));
    }

    @Test
    void shouldReadBackEveryKindOfBurstInputAndEvidenceLists() {
        BurstInput count = BurstInput.of(new TrendCount(TrendCount.SCHEMA, "batteries", Granularity.DAY, WHEN,
                WHEN.plusSeconds(86_400), 7, 3, 6.1, WHEN));
        BurstInput offer = BurstInput.of(new EvidenceOffer("batteries", WHEN, BEST));

        assertThat(roundTrip(Wire.BURST_INPUT, count)).isEqualTo(count);
        assertThat(roundTrip(Wire.BURST_INPUT, offer)).isEqualTo(offer);
        BurstInput withdrawal = BurstInput.of(new EvidenceWithdrawal("batteries", WHEN, "a-1"));
        assertThat(roundTrip(Wire.BURST_INPUT, withdrawal)).isEqualTo(withdrawal);
        assertThat(roundTrip(Wire.EVIDENCE_LIST, List.of(BEST)).get(0).paragraph().text())
                .isEqualTo("固态电池的能量密度达到 400Wh/kg。");
    }

    @Test
    void shouldReadTheStoresOfABuildThatKeptEvidenceWithTheCounts() throws IOException {
        byte[] contribution = legacy(out -> {
            writeString(out, "a-1");
            out.writeLong(WHEN.getEpochSecond());
            out.writeInt(WHEN.getNano());
            out.writeInt(4);
            out.writeInt(1);
            writeString(out, "batteries");
            out.writeInt(3);
            out.writeLong(2710);
            out.writeBoolean(true);
            writeEvidence(out, BEST);
        });
        byte[] bucket = legacy(out -> {
            writeBatteriesTotals(out);
            out.writeInt(1);
            writeString(out, "batteries");
            out.writeInt(2);
            writeEvidence(out, BEST);
            writeEvidence(out, BEST);
        });

        assertThat(Wire.CONTRIBUTION.deserializer().deserialize("t", contribution))
                .isEqualTo(new Contribution("a-1", WHEN, 4, Map.of("batteries", new Contribution.Share(3, 2710))));
        assertThat(Wire.BUCKET_COUNTS.deserializer().deserialize("t", bucket))
                .isEqualTo(new BucketCounts(Map.of("batteries", new SectorTotals(7, 3, 6100)), 9));
    }

    @Test
    void shouldReadTheBucketsOfABuildThatDidNotKeepWhenEachSectorMoved() throws IOException {
        byte[] bucket = legacy(out -> {
            writeBatteriesTotals(out);
            out.writeInt(0);
        });

        BucketCounts read = Wire.BUCKET_COUNTS.deserializer().deserialize("t", bucket);

        assertThat(read).isEqualTo(new BucketCounts(Map.of("batteries", new SectorTotals(7, 3, 6100)), 9));
        assertThat(read.updatedAt("batteries")).isNull();
    }

    /** A bucket's totals as every build wrote them: 9 labeled paragraphs, batteries 7 paragraphs, 3 articles. */
    private static void writeBatteriesTotals(DataOutputStream out) throws IOException {
        out.writeLong(9);
        out.writeInt(1);
        writeString(out, "batteries");
        out.writeLong(7);
        out.writeLong(3);
        out.writeLong(6100);
    }

    @Test
    void shouldRefuseTheJsonOfAnEarlierVersionByName() {
        byte[] json = "{\"sectors\":{},\"labeledParagraphs\":0}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Wire.BUCKET_COUNTS.deserializer().deserialize("hour-counts-changelog", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("BucketCounts").hasMessageContaining("hour-counts-changelog")
                .hasMessageContaining("earlier version");
    }

    @Test
    void shouldRefuseATruncatedValue() {
        byte[] whole = Wire.BURST_INPUT.serializer().serialize("t", BurstInput.of(new EvidenceOffer("chips", WHEN, BEST)));

        assertThatThrownBy(() -> Wire.BURST_INPUT.deserializer().deserialize("t", Arrays.copyOf(whole, whole.length - 5)))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a valid BurstInput");
    }

    private static <T> T roundTrip(Serde<T> serde, T value) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
    }

    private interface LegacyWriter {
        void write(DataOutputStream out) throws IOException;
    }

    /** A value as the build of 2026-11-29 wrote it (DataOutputStream, version byte 1). */
    private static byte[] legacy(LegacyWriter writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(1);
            writer.write(out);
        }
        return bytes.toByteArray();
    }

    private static void writeEvidence(DataOutputStream out, Evidence evidence) throws IOException {
        writeString(out, evidence.articleId());
        out.writeDouble(evidence.score());
        out.writeInt(evidence.json().length);
        out.write(evidence.json());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }
}
