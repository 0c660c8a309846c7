package trendwatch.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import trendwatch.model.KafkaConnection;
import trendwatch.model.Label;
import trendwatch.model.LabeledParagraph;
import trendwatch.model.SourceRef;
import trendwatch.model.taxonomy.Taxonomy;

class RecentParagraphsTest {

    private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

    // never started: the tests hand it paragraphs and withdrawals as its followers would
    private final RecentParagraphs recent = new RecentParagraphs(KafkaConnection.of("localhost:1"), Taxonomy.loadDefault().sectorIds());
    /** The timestamp of the next paragraph record. */
    private long clock = T.toEpochMilli();

    @AfterEach
    void close() {
        recent.close();
    }

    @Test
    void shouldReplaceAnArticlesEarlierParagraphsWithItsNewerVersion() {
        version("80b4d284fa028268", "v1", null, "space", "chips");
        version("80b4d284fa028268", "v2", null, "space", null, "chips");

        assertThat(keys("chips")).containsExactly("80b4d284fa028268:3:v2");
        assertThat(keys("space")).containsExactly("80b4d284fa028268:1:v2");
        assertThat(keys(null)).containsExactly("80b4d284fa028268:3:v2", "80b4d284fa028268:1:v2");
    }

    @Test
    void shouldTakeAParagraphOutOfTheListOfASectorItNoLongerCarries() {
        version("80b4d284fa028268", "v1", null, "space", "chips");
        version("80b4d284fa028268", "v2", null, "space", null);

        assertThat(keys("chips")).isEmpty();
        assertThat(keys("space")).containsExactly("80b4d284fa028268:1:v2");
    }

    @Test
    void shouldKeepOtherArticlesParagraphsWhenOneArticleChanges() {
        version("a1", "v1", "chips");
        version("b2", "v1", "chips", "chips");
        version("a1", "v2", "space");

        assertThat(keys("chips")).containsExactly("b2:1:v1", "b2:0:v1");
        assertThat(keys("space")).containsExactly("a1:0:v2");
    }

    /** Classify given one taxonomy and publish another: served all the same, and the user is warned once. */
    @Test
    void shouldKeepAndNameASectorPublishsTaxonomyDoesNotHave() {
        version("a1", "v1", "quantum", "chips", "quantum");

        assertThat(keys("quantum")).containsExactly("a1:2:v1", "a1:0:v1");
        assertThat(recent.unknownSectors()).containsExactly("quantum");
    }

    @Test
    void shouldKeepEveryParagraphOfOneVersion() {
        version("a1", "v1", "chips", null, "chips", "chips");

        assertThat(keys("chips")).containsExactly("a1:3:v1", "a1:2:v1", "a1:0:v1");
    }

    @Test
    void shouldDropAWithdrawnArticlesParagraphsFromEverySector() {
        version("a1", "v1", "chips", "space");
        version("b2", "v1", "chips");

        recent.withdraw("a1", clock + 1);

        assertThat(keys("chips")).containsExactly("b2:0:v1");
        assertThat(keys("space")).isEmpty();
        assertThat(keys(null)).containsExactly("b2:0:v1");
    }

    /** After a restart both topics' tails are replayed, in no common order: the tombstone may come first. */
    @Test
    void shouldNotKeepParagraphsOlderThanAWithdrawalThatCameBeforeThem() {
        long written = clock;
        recent.withdraw("a1", written + 10);
        clock = written;

        version("a1", "v1", "chips");

        assertThat(keys("chips")).isEmpty();
    }

    @Test
    void shouldKeepAnArticlePublishedAgainAfterItsWithdrawal() {
        version("a1", "v1", "chips");
        recent.withdraw("a1", clock + 1);
        clock += 10;

        version("a1", "v2", "chips");

        assertThat(keys("chips")).containsExactly("a1:0:v2");
    }

    /**
     * One version of an article as classify writes it: every paragraph, from index 0, null for no sector; its
     * records one millisecond apart.
     */
    private void version(String articleId, String version, String... sectors) {
        for (int i = 0; i < sectors.length; i++) {
            List<Label> labels = sectors[i] == null ? List.of()
                    : List.of(new Label(sectors[i], 0.9, List.of(sectors[i])));
            recent.add(new LabeledParagraph(LabeledParagraph.SCHEMA, articleId, i, version, "en", labels, T, T,
                    new SourceRef("folder", "inbox", null), null, "t", "v1"), clock++);
        }
    }

    /** The kept paragraphs, newest first, as articleId:index:version (the version is the text). */
    private List<String> keys(String sector) {
        return recent.latest(sector, 200).stream().map(p -> p.articleId() + ":" + p.index() + ":" + p.text()).toList();
    }
}
