package trendwatch.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    private static final URI FEED = URI.create("https://batteries.example.net/feed/rss.xml");

    private static ParsedFeed parse(String fixture) throws FeedException {
        return FeedParser.parse(Fixtures.read(fixture), FEED);
    }

    @Test
    void shouldReadRss091WithItsNetscapeDoctypeAndHtmlEntities() throws FeedException {
        ParsedFeed feed = parse("rss091.xml");
        assertThat(feed.title()).isEqualTo("Launch Notes");
        assertThat(feed.lang()).isEqualTo("en-us");
        assertThat(feed.items()).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Reusable boosters land again — twice");
            assertThat(item.link()).isEqualTo(URI.create("https://launch.example.com/2025/boosters"));
            assertThat(item.publishedAt()).isNull();
        });
    }

    @Test
    void shouldReadRss10RdfWithDublinCoreAndSyndicationHints() throws FeedException {
        ParsedFeed feed = parse("rss10.rdf");
        assertThat(feed.title()).isEqualTo("Chip Wire");
        assertThat(feed.lang()).isEqualTo("en");
        assertThat(feed.ttl()).isEqualTo(Duration.ofMinutes(30));
        FeedItem item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("https://chips.example.org/tpu-v7");
        assertThat(item.author()).isEqualTo("Ada Wong");
        assertThat(item.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-03-04T09:30:00-05:00"));
        assertThat(item.publishedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(-5));
    }

    @Test
    void shouldTakeFullContentFromContentEncoded() throws FeedException {
        FeedItem item = parse("rss20-content.xml").items().get(0);
        assertThat(item.contentHtml()).startsWith("<p>Solid-state cells").contains("QuantumScape and CATL");
        assertThat(item.summaryHtml()).isEqualTo("Short teaser about solid-state cells.");
        assertThat(item.summaryOnly()).isFalse();
    }

    @Test
    void shouldKeepCdataTitlesAndRssAuthorNames() throws FeedException {
        FeedItem item = parse("rss20-content.xml").items().get(0);
        assertThat(item.title()).isEqualTo("Q&A: why solid-state cells matter");
        assertThat(item.author()).isEqualTo("Mia Chen");
        assertThat(item.guid()).isEqualTo("batteries-2025-0001");
    }

    @Test
    void shouldResolveRelativeLinksAgainstTheFeedUrl() throws FeedException {
        FeedItem item = parse("rss20-content.xml").items().get(0);
        assertThat(item.link()).isEqualTo(URI.create(
                "https://batteries.example.net/2025/01/solid-state?utm_source=rss&utm_medium=feed&id=7"));
        assertThat(Urls.canonical(item.link())).isEqualTo(URI.create("https://batteries.example.net/2025/01/solid-state?id=7"));
    }

    @Test
    void shouldKeepTheZoneOfRfc822Dates() throws FeedException {
        ParsedFeed feed = parse("rss20-content.xml");
        assertThat(feed.items().get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2025-01-07T08:15:00-05:00"));
        assertThat(feed.items().get(1).publishedAt()).isEqualTo(OffsetDateTime.parse("2025-01-08T10:00:00+08:00"));
    }

    @Test
    void shouldReadTheRssTtlAsThePollingHint() throws FeedException {
        ParsedFeed feed = parse("rss20-content.xml");
        assertThat(feed.ttl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(feed.siteUrl()).isEqualTo(URI.create("https://batteries.example.net/"));
        assertThat(feed.lang()).isEqualTo("en-GB");
    }

    @Test
    void shouldReadAtom10ContentAuthorAndPublicationTime() throws FeedException {
        ParsedFeed feed = parse("atom10.xml");
        assertThat(feed.title()).isEqualTo("Robots & Humans");
        assertThat(feed.siteUrl()).isEqualTo(URI.create("https://robots.example.com/"));
        FeedItem item = feed.items().get(0);
        assertThat(item.guid()).isEqualTo("tag:robots.example.com,2025:humanoids");
        assertThat(item.link()).isEqualTo(URI.create("https://robots.example.com/humanoids-factory"));
        assertThat(item.author()).isEqualTo("Lena Berg");
        assertThat(item.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-02-01T09:00:00+01:00"));
        assertThat(item.summaryHtml()).isEqualTo("Figure and Apptronik robots start shifts.");
        assertThat(item.contentHtml()).startsWith("<p>Solid-state");
        assertThat(item.lang()).isEqualTo("en");
    }

    @Test
    void shouldEscapeAtomTextContentAndKeepTheEntryLanguage() throws FeedException {
        FeedItem item = parse("atom10.xml").items().get(1);
        assertThat(item.contentHtml()).isEqualTo("<p>Agility Digit trägt Kisten &lt;schnell&gt;.</p>");
        assertThat(item.lang()).isEqualTo("de");
        assertThat(item.link()).isEqualTo(URI.create("https://batteries.example.net/de/logistik"));
        assertThat(item.publishedAt()).as("it has only <updated>, which is no publication time").isNull();
        assertThat(item.updatedAt()).isEqualTo(OffsetDateTime.parse("2025-02-02T08:00:00Z"));
        assertThat(item.datedAt()).isEqualTo(item.updatedAt());
    }

    @Test
    void shouldResolveAtomLinksAgainstTheNestedXmlBasesInScope() throws FeedException {
        ParsedFeed feed = parse("atom-xml-base.xml");
        assertThat(feed.siteUrl()).isEqualTo(URI.create("https://batteries.example.net/robots/"));
        assertThat(feed.items()).extracting(FeedItem::link).containsExactly(
                URI.create("https://batteries.example.net/robots/bat1.html"),
                URI.create("https://batteries.example.net/robots/2025/03/humanoid.html"),
                URI.create("https://mirror.example.com/b/arm.html"),
                URI.create("https://batteries.example.net/robots/2025/04/lidar.html"));
    }

    @Test
    void shouldResolveAtomLinksAgainstAnAbsoluteFeedBaseRatherThanTheFeedUrl() throws FeedException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://127.0.0.1:18555/a/">
                  <title>t</title><id>urn:t</id><updated>2025-03-01T12:00:00Z</updated><link href="index.html"/>
                  <entry><title>e</title><id>urn:e</id><updated>2025-03-01T12:00:00Z</updated>
                    <link href="bat1.html"/><summary>s</summary></entry>
                </feed>""";
        ParsedFeed feed = FeedParser.parse(atom, URI.create("http://127.0.0.1:18555/rel.atom"));
        assertThat(feed.siteUrl()).isEqualTo(URI.create("http://127.0.0.1:18555/a/index.html"));
        assertThat(feed.items()).singleElement().extracting(FeedItem::link)
                .isEqualTo(URI.create("http://127.0.0.1:18555/a/bat1.html"));
    }

    @Test
    void shouldIgnoreAnXmlBaseThatIsNotHttp() throws FeedException {
        String atom = """
                <feed xmlns="http://www.w3.org/2005/Atom" xml:base="urn:robots:">
                  <title>t</title><id>urn:t</id><updated>2025-03-01T12:00:00Z</updated>
                  <entry><title>e</title><id>urn:e</id><updated>2025-03-01T12:00:00Z</updated>
                    <link href="bat1.html"/><summary>s</summary></entry>
                </feed>""";
        assertThat(FeedParser.parse(atom, FEED).items()).singleElement().extracting(FeedItem::link)
                .isEqualTo(URI.create("https://batteries.example.net/feed/bat1.html"));
    }

    @Test
    void shouldReadAtom03() throws FeedException {
        ParsedFeed feed = parse("atom03.xml");
        assertThat(feed.title()).isEqualTo("Old Atom");
        FeedItem item = feed.items().get(0);
        assertThat(item.link()).isEqualTo(URI.create("https://old.example.com/spaceport"));
        assertThat(item.publishedAt()).isEqualTo(OffsetDateTime.parse("2004-12-13T08:29:29-04:00"));
        assertThat(item.contentHtml()).contains("The spaceport opened.");
    }

    @Test
    void shouldReadJsonFeed11() throws FeedException {
        ParsedFeed feed = parse("jsonfeed11.json");
        assertThat(feed.title()).isEqualTo("Drive Log");
        assertThat(feed.siteUrl()).isEqualTo(URI.create("https://drive.example.com/"));
        assertThat(feed.lang()).isEqualTo("en-US");
        FeedItem first = feed.items().get(0);
        assertThat(first.guid()).isEqualTo("1");
        assertThat(first.author()).isEqualTo("Sam Ortiz");
        assertThat(first.publishedAt()).isEqualTo(OffsetDateTime.parse("2025-04-01T07:00:00-07:00"));
        assertThat(first.summaryHtml()).isEqualTo("Robotaxis in two more cities.");
        assertThat(first.summaryOnly()).isFalse();
    }

    @Test
    void shouldFallBackToExternalUrlContentTextAndTheFeedAuthorInJsonFeeds() throws FeedException {
        FeedItem second = parse("jsonfeed11.json").items().get(1);
        assertThat(second.guid()).isEqualTo("2");
        assertThat(second.link()).isEqualTo(URI.create("https://other.example.org/lidar"));
        assertThat(second.contentHtml()).isEqualTo("<p>Lidar units now cost under $200.</p><p>That matters for L3.</p>");
        assertThat(second.author()).isEqualTo("Drive Team");
        assertThat(second.publishedAt()).as("it has only date_modified").isNull();
        assertThat(second.updatedAt()).isEqualTo(OffsetDateTime.parse("2025-04-02T10:00:00Z"));
    }

    @Test
    void shouldReadJsonFeed10WithASingleAuthor() throws FeedException {
        String json = "{\"version\":\"https://jsonfeed.org/version/1\",\"title\":\"T\",\"author\":{\"name\":\"Old Style\"},"
                + "\"items\":[{\"id\":\"a\",\"url\":\"/a\",\"content_html\":\"<p>x</p>\"}]}";
        FeedItem item = FeedParser.parse(json, FEED).items().get(0);
        assertThat(item.author()).isEqualTo("Old Style");
        assertThat(item.link()).isEqualTo(URI.create("https://batteries.example.net/a"));
    }

    @Test
    void shouldReadChineseDatesInBeijingTimeForChineseFeeds() throws FeedException {
        ParsedFeed feed = parse("chinese-rss.xml");
        assertThat(feed.title()).isEqualTo("科技前沿");
        assertThat(feed.items().get(0).title()).isEqualTo("千帆星座完成第五批卫星发射");
        assertThat(feed.items().get(0).author()).isEqualTo("张伟");
        assertThat(feed.items().get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2025-03-12T14:30:00+08:00"));
        assertThat(feed.items().get(1).publishedAt()).isEqualTo(OffsetDateTime.parse("2025-03-13T09:00:00+08:00"));
    }

    @Test
    void shouldTreatALongChineseDescriptionAsFullText() throws FeedException {
        ParsedFeed feed = parse("chinese-rss.xml");
        assertThat(feed.items().get(0).summaryOnly()).isFalse();
        assertThat(feed.items().get(1).summaryOnly()).isTrue();
    }

    @Test
    void shouldFlagTeasersAsSummaryOnly() throws FeedException {
        ParsedFeed feed = parse("summary-only.xml");
        assertThat(feed.items()).hasSize(2).allSatisfy(item -> assertThat(item.summaryOnly()).isTrue());
        assertThat(feed.items().get(0).publishedAt()).isEqualTo(OffsetDateTime.parse("2025-03-03T16:00:00Z"));
        assertThat(feed.items().get(1).publishedAt()).isNull();
    }

    @Test
    void shouldRepairUnescapedAmpersandsHtmlEntitiesBomAndLeadingWhitespace() throws FeedException {
        ParsedFeed feed = parse("ill-formed.xml");
        assertThat(feed.title()).isEqualTo("AT&T & Friends");
        FeedItem item = feed.items().get(0);
        assertThat(item.title()).isEqualTo("Q&A with R&D équipe © 2025");
        assertThat(item.link()).isEqualTo(URI.create("https://att.example.com/a?x=1&y=2"));
        assertThat(item.summaryHtml()).isEqualTo("Bits & pieces");
    }

    @Test
    void shouldParseAFeedServedWithTheWrongContentTypeFromItsContent() throws FeedException {
        // the content type never reaches the parser: the same text parses whatever it was served as
        assertThat(FeedParser.parse(Fixtures.read("atom10.xml"), URI.create("https://robots.example.com/feed.txt"))
                .items()).hasSize(2);
    }

    @Test
    void shouldRejectXxeWithoutReadingTheFile() {
        assertThatThrownBy(() -> parse("xxe.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed " + FEED + ": DOCTYPE is not allowed")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("root:"));
    }

    @Test
    void shouldRejectAnExternalDtdPointingAtALocalFile() {
        assertThatThrownBy(() -> parse("xxe-external-dtd.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed " + FEED + ": DOCTYPE is not allowed");
    }

    @Test
    void shouldRejectBillionLaughsQuickly() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> parse("billion-laughs.xml"))
                .isInstanceOf(FeedException.class)
                .hasMessage("feed " + FEED + ": DOCTYPE is not allowed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void shouldRejectAFeedWhoseDoctypeHidesAfterTheRssDoctypeIsDropped() {
        String sneaky = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
                + "\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<rss version=\"0.91\"><channel><title>&e;</title></channel></rss>";
        assertThatThrownBy(() -> FeedParser.parse(sneaky, FEED)).hasMessageContaining("DOCTYPE is not allowed");
    }

    @Test
    void shouldNameTheFeedAndTheReasonForBrokenXml() {
        assertThatThrownBy(() -> FeedParser.parse("<rss><channel><title>cut off", FEED))
                .isInstanceOf(FeedException.class)
                .hasMessageStartingWith("feed " + FEED + ": not well-formed XML")
                .extracting(e -> ((FeedException) e).feedUrl()).isEqualTo(FEED);
    }

    @Test
    void shouldSayWhenAnHtmlPageIsServedInsteadOfAFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<!DOCTYPE html><html><body>Moved</body></html>", FEED))
                .hasMessage("feed " + FEED + ": an HTML page, not a feed");
    }

    @Test
    void shouldSayWhenXmlIsNoFeed() {
        assertThatThrownBy(() -> FeedParser.parse("<?xml version=\"1.0\"?><catalog><book/></catalog>", FEED))
                .hasMessage("feed " + FEED + ": not an RSS or Atom feed (root element <catalog>)");
    }

    @Test
    void shouldRejectJsonThatIsNoJsonFeed() {
        assertThatThrownBy(() -> FeedParser.parse("{\"hello\": 1}", FEED))
                .hasMessageContaining("feed " + FEED + ": JSON without a JSON Feed version");
        assertThatThrownBy(() -> FeedParser.parse("{\"version\": ", FEED))
                .hasMessageStartingWith("feed " + FEED + ": not well-formed JSON");
    }

    @Test
    void shouldRejectEmptyAndNonMarkupText() {
        assertThatThrownBy(() -> FeedParser.parse("  \n", FEED)).hasMessage("feed " + FEED + ": empty document");
        assertThatThrownBy(() -> FeedParser.parse("just words", FEED)).hasMessage("feed " + FEED + ": neither XML nor JSON");
    }

    @Test
    void shouldDropJavascriptLinks() throws FeedException {
        String rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title>"
                + "<link>javascript:alert(1)</link><guid>g1</guid></item></channel></rss>";
        FeedItem item = FeedParser.parse(rss, FEED).items().get(0);
        assertThat(item.link()).isNull();
        assertThat(item.guid()).isEqualTo("g1");
    }
}
