package trendwatch.classify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trendwatch.model.Article;
import trendwatch.model.ArticleLabels;
import trendwatch.model.DeadLetters;
import trendwatch.model.KafkaConnection;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SourceRef;
import trendwatch.model.StreamsSettings;
import trendwatch.model.Topics;
import trendwatch.model.taxonomy.Taxonomy;

class ClassifyTopologyTest {

    private static final Instant PUBLISHED = Instant.parse("2025-02-01T08:00:00Z");
    private static final String SPACE = "SpaceX的星舰完成第七次试飞，猎鹰9号运载火箭的一级助推器成功回收，商业航天进入新阶段。";
    private static final String CHIPS = "英伟达的GPU和华为昇腾的AI芯片都在争夺推理芯片市场，美国出口管制仍在收紧。";
    private static final String NOTHING = "刚过完年，万象更新。我们今天一起来看看这份地图。";

    @TempDir
    Path stateDir;

    private final Taxonomy taxonomy = Taxonomy.loadDefault();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, LabeledParagraph> paragraphs;
    private TestOutputTopic<String, ArticleLabels> articles;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeEach
    void startDriver() {
        startDriver(new ClassifyConfig(taxonomy, meters));
    }

    @Test
    void shouldCountLabeledParagraphsPerSectorFromZero() {
        assertThat(meters.find(ClassifyProcessor.LABELED).counters()).hasSize(taxonomy.sectorIds().size())
                .allSatisfy(counter -> assertThat(counter.count()).isZero());

        pipe(article("a1", "太空经济\n\nSpaceX 的星舰完成了第五次试飞，可回收火箭把发射成本打下来了。"));

        assertThat(meters.get(ClassifyProcessor.LABELED).tag("sector", "space").counter().count()).isEqualTo(2);
        assertThat(meters.get(ClassifyProcessor.LABELED).tag("sector", "chips").counter().count()).isZero();
    }

    private void startDriver(ClassifyConfig config) {
        driver = new TopologyTestDriver(ClassifyTopology.build(config), ClassifyTopology.settings(shared()));
        raw = driver.createInputTopic(Topics.ARTICLES_RAW.name(), Serdes.String().serializer(),
                Serdes.ByteArray().serializer());
        paragraphs = output(Topics.PARAGRAPHS_LABELED.name());
        articles = driver.createOutputTopic(Topics.ARTICLES_LABELED.name(), Serdes.String().deserializer(),
                Topics.ARTICLES_LABELED.valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(Topics.DLQ.name(), Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private Properties shared() {
        return StreamsSettings.exactlyOnce("classify-test", KafkaConnection.of("unused:9092"), stateDir);
    }

    @Test
    void shouldCommitEvery300MsFetchInBatchesAndKeepTheSharedSettings() {
        StreamsConfig settings = new StreamsConfig(ClassifyTopology.settings(shared()));

        assertThat(settings.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(300L);
        assertThat(settings.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(settings.getLong(StreamsConfig.POLL_MS_CONFIG)).isEqualTo(10L);
        Map<String, Object> consumer = settings.getMainConsumerConfigs("classify-test", "classify-test-client", 0);
        assertThat(consumer).containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024)
                .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 25);
    }

    @Test
    void shouldLabelEveryParagraphAndRouteItToItsSectorTopics() {
        pipe(article("a1", SPACE + "\n\n" + CHIPS + "\n\n" + NOTHING));

        List<LabeledParagraph> out = paragraphs.readValuesToList();
        assertThat(out).extracting(LabeledParagraph::index).containsExactly(0, 1, 2);
        assertThat(out.get(0).hasSector("space")).isTrue();
        assertThat(out.get(1).hasSector("chips")).isTrue();
        assertThat(out.get(2).labels()).isEmpty();
        assertThat(out).allSatisfy(p -> assertThat(p.taxonomyVersion()).isEqualTo(taxonomy.version()));
        assertThat(output(Topics.sector("space").name()).readValuesToList()).extracting(LabeledParagraph::index)
                .containsExactly(0);
        assertThat(output(Topics.sector("chips").name()).readValuesToList()).extracting(LabeledParagraph::index)
                .containsExactly(1);
        assertThat(output(Topics.sector("biomed").name()).isEmpty()).isTrue();
    }

    @Test
    void shouldWriteTheArticlesWholeContributionKeyedByArticleId() {
        pipe(article("a1", SPACE + "\n\n" + SPACE + "\n\n" + CHIPS));

        TestRecord<String, ArticleLabels> record = articles.readRecord();
        assertThat(record.key()).isEqualTo("a1");
        assertThat(record.value().publishedAt()).isEqualTo(PUBLISHED);
        assertThat(record.value().sectors()).containsOnlyKeys("space", "chips");
        assertThat(record.value().sectors().get("space").paragraphs()).isEqualTo(2);
        assertThat(record.value().sectors().get("chips").paragraphs()).isEqualTo(1);
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void shouldSendInvalidJsonToTheDeadLetterTopicWithItsOriginAndKeepGoing() {
        raw.pipeInput("bad", "{not json".getBytes(StandardCharsets.UTF_8));
        pipe(article("a2", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertFirstRecordRefusedByClassify(dead, "SerializationException");
        assertThat(articles.readKeyValue().key).isEqualTo("a2");
    }

    @Test
    void shouldSendAnArticleTheLabelerThrowsOnToTheDeadLetterTopicAndKeepGoing() {
        driver.close();
        // no input found makes the real labeler throw, so this one fails on purpose, mid-article
        startDriver(new ClassifyConfig(taxonomy, new SimpleMeterRegistry(), t -> {
            ArticleClassifier real = new ArticleClassifier(t);
            return article -> {
                if (article.body().contains(CHIPS)) {
                    throw new IndexOutOfBoundsException("labeler failed on paragraph 2");
                }
                return real.classify(article);
            };
        }));
        Article throwsOn = article("a7", SPACE + "\n\n" + CHIPS);
        pipe(throwsOn);
        pipe(article("a8", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(Topics.ARTICLES_RAW.valueSerde().serializer().serialize("t", throwsOn));
        assertFirstRecordRefusedByClassify(dead, "IndexOutOfBoundsException");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("labeler failed on paragraph 2");
        assertThat(articles.readKeyValue().key).isEqualTo("a8");
        assertThat(paragraphs.readValuesToList()).extracting(LabeledParagraph::articleId).containsOnly("a8");
    }

    @Test
    void shouldSendInvalidUtf8ToTheDeadLetterTopicWithItsOriginalBytes() {
        byte[] value = ("{\"schema\":1,\"id\":\"u1\",\"source\":{\"type\":\"folder\",\"id\":\"inbox\"},"
                + "\"fetchedAt\":\"2025-02-01T08:00:00Z\",\"body\":\"XX\"}").getBytes(StandardCharsets.UTF_8);
        int body = new String(value, StandardCharsets.UTF_8).indexOf("XX");
        value[body] = (byte) 0xC3; // a two-byte lead followed by a byte that cannot continue it
        value[body + 1] = (byte) 0x28;
        raw.pipeInput("u1", value);
        pipe(article("a2", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(value);
        assertFirstRecordRefusedByClassify(dead, "NotUtf8Exception");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE))
                .isEqualTo("not UTF-8 on trend.articles.raw: malformed byte sequence at offset " + body + " (0xC3)");
        assertThat(articles.readKeyValue().key).isEqualTo("a2");
    }

    /** Jackson would read this article: it guesses UTF-16 from the byte order mark. The contract says UTF-8. */
    @Test
    void shouldSendAValidArticleEncodedAsUtf16ToTheDeadLetterTopic() {
        String json = new String(Topics.ARTICLES_RAW.valueSerde().serializer().serialize("t", article("u16", SPACE)),
                StandardCharsets.UTF_8);
        byte[] utf16 = json.getBytes(StandardCharsets.UTF_16);
        raw.pipeInput("u16", utf16);
        pipe(article("a2", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(utf16);
        assertFirstRecordRefusedByClassify(dead, "NotUtf8Exception");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("not UTF-8", "offset 0 (0xFE)");
        assertThat(articles.readKeyValue().key).isEqualTo("a2");
        assertThat(articles.isEmpty()).isTrue();
        assertThat(paragraphs.readValuesToList()).extracting(LabeledParagraph::articleId).containsOnly("a2");
    }

    @Test
    void shouldSayALittleEndianByteOrderMarkIsNotUtf8RatherThanAnUnrecognizedToken() {
        raw.pipeInput("le", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x7B, 0x7D});

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertFirstRecordRefusedByClassify(dead, "NotUtf8Exception");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE))
                .isEqualTo("not UTF-8 on trend.articles.raw: malformed byte sequence at offset 0 (0xFF)");
    }

    @Test
    void shouldReadAnArticleWhoseUtf8BeginsWithAByteOrderMark() {
        byte[] json = Topics.ARTICLES_RAW.valueSerde().serializer().serialize("t", article("bom", SPACE));
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);

        raw.pipeInput("bom", withBom);

        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(articles.readKeyValue().key).isEqualTo("bom");
    }

    @Test
    void shouldSendAnArticleWithAFiveMegabyteParagraphToTheDeadLetterTopic() {
        String oneParagraph = "Solid-state batteries, again and again. ".repeat(5 * 1024 * 1024 / 40);
        pipe(new Article(Article.SCHEMA, "huge", new SourceRef("folder", "inbox", null), null, "Huge", null, null,
                "en", null, Instant.parse("2025-02-01T08:00:00Z"), oneParagraph, null));
        pipe(article("a2", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("huge");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("paragraph 0 has 5242879 characters, more than the 100000");
        assertThat(paragraphs.readKeyValuesToList()).extracting(kv -> kv.key).containsOnly("a2");
    }

    /**
     * Its title would be repeated in every paragraph and once per sector in its labels: 17 MB of labels, more than
     * the topic takes, which used to fail the stream thread on every retry instead of reaching the DLQ.
     */
    @Test
    void shouldSendAnArticleWithAMegabyteTitleToTheDeadLetterTopic() {
        String title = "Robots ".repeat(2_500_000 / 7);
        raw.pipeInput("long-title", ("{\"schema\":1,\"id\":\"long-title\",\"source\":{\"type\":\"folder\","
                + "\"id\":\"inbox\"},\"title\":\"" + title + "\",\"fetchedAt\":\"2025-02-01T08:00:00Z\","
                + "\"body\":\"" + SPACE + "\"}").getBytes(StandardCharsets.UTF_8));
        pipe(article("a7", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("long-title");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("'title' has " + title.length()
                + " characters, more than the 1000");
        assertThat(articles.readKeyValue().key).isEqualTo("a7");
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAnArticleMissingItsBodyToTheDeadLetterTopic() {
        raw.pipeInput("a3", ("{\"schema\":1,\"id\":\"a3\",\"source\":{\"type\":\"folder\",\"id\":\"seeds\"},"
                + "\"fetchedAt\":\"2025-02-01T08:00:00Z\"}").getBytes(StandardCharsets.UTF_8));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("body");
        assertThat(articles.isEmpty()).isTrue();
        assertThat(paragraphs.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAnArticlePublishedOutsideTheYears1To9999ToTheDeadLetterTopic() {
        Article farFuture = new Article(Article.SCHEMA, "a5", new SourceRef("folder", "inbox", null), null, "t", null,
                null, "zh", Instant.MAX, PUBLISHED, SPACE, "h");
        pipe(farFuture);
        pipe(article("a6", SPACE));

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("a5");
        assertThat(header(dead, DeadLetters.ERROR_MESSAGE)).contains("outside the years 1 to 9999");
        assertThat(articles.readKeyValue().key).isEqualTo("a6");
        assertThat(articles.isEmpty()).isTrue();
    }

    @Test
    void shouldWithdrawAnArticlesContributionWhenItsRawRecordIsDeleted() {
        pipe(article("a4", SPACE));
        articles.readRecord();
        paragraphs.readRecordsToList();
        TestOutputTopic<String, LabeledParagraph> space = output(Topics.sector("space").name());
        TestOutputTopic<String, LabeledParagraph> biomed = output(Topics.sector("biomed").name());
        space.readRecordsToList();

        raw.pipeInput("a4", (byte[]) null);

        TestRecord<String, ArticleLabels> withdrawn = articles.readRecord();
        assertThat(withdrawn.key()).isEqualTo("a4");
        assertThat(withdrawn.value()).isNull();
        // the paragraph topics' subscribers learn of it too, on every sector's topic (classify keeps no state)
        for (TestOutputTopic<String, LabeledParagraph> topic : List.of(paragraphs, space, biomed)) {
            assertThat(topic.readRecordsToList()).singleElement().satisfies(tombstone -> {
                assertThat(tombstone.key()).isEqualTo("a4");
                assertThat(tombstone.value()).isNull();
            });
        }
    }

    @Test
    void shouldKeepOperatorAndSinkNamesStable() {
        String description = ClassifyTopology.build(new ClassifyConfig(taxonomy, new SimpleMeterRegistry()))
                .describe().toString();

        assertThat(description).contains("Source: raw-articles", "Processor: classify", "Sink: dead-letters",
                "Sink: labeled-paragraphs", "Sink: labeled-articles", "Sink: withdrawn-articles", "Sink: withdrawn-paragraphs",
                "Sink: withdrawn-sector-space",
                "Sink: sector-space-paragraphs", "Sink: sector-biomed-paragraphs");
    }

    private void pipe(Article article) {
        raw.pipeInput(article.id(), Topics.ARTICLES_RAW.valueSerde().serializer().serialize("t", article));
    }

    private TestOutputTopic<String, LabeledParagraph> output(String topic) {
        return driver.createOutputTopic(topic, Serdes.String().deserializer(),
                Topics.PARAGRAPHS_LABELED.valueSerde().deserializer());
    }

    private static Article article(String id, String body) {
        return new Article(Article.SCHEMA, id, new SourceRef("folder", "inbox", null), null, "t", null, null, "zh",
                PUBLISHED, PUBLISHED.plusSeconds(3600), body, "h-" + body.hashCode());
    }

    /** The dead letter names classify, the raw topic's first record as its origin, and the error's class. */
    private static void assertFirstRecordRefusedByClassify(TestRecord<byte[], byte[]> dead, String errorClass) {
        assertThat(header(dead, DeadLetters.STAGE)).isEqualTo("classify");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(Topics.ARTICLES_RAW.name());
        assertThat(header(dead, DeadLetters.SOURCE_PARTITION)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.SOURCE_OFFSET)).isEqualTo("0");
        assertThat(header(dead, DeadLetters.ERROR_CLASS)).contains(errorClass);
    }

    private static String header(TestRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
