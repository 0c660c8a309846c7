package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** Taiwan and Hong Kong writing: traditional characters, and the words that differ beyond characters. */
class TraditionalChineseLabelingTest {

    private static final Labeler LABELER = new Labeler(Taxonomy.loadDefault());

    @Test
    void shouldLabelEachSectorWrittenInTraditionalCharacters() {
        assertThat(sectors("SpaceX的獵鷹9號火箭再次發射一批星鏈低軌衛星。")).containsExactly("space");
        assertThat(sectors("宇樹科技的人形機器人在春晚扭秧歌。")).containsExactly("robots");
        assertThat(sectors("美國擴大高階晶片出口管制，輝達的推理晶片首當其衝。")).containsExactly("chips");
        assertThat(sectors("寧德時代發表新一代固態電池，能量密度大幅提升。")).containsExactly("batteries");
        assertThat(sectors("百度的自動駕駛計程車「蘿蔔快跑」在武漢上路。")).containsExactly("driving");
        assertThat(sectors("台灣生技公司的新藥進入三期臨床試驗。")).containsExactly("biomed");
    }

    @Test
    void shouldKnowTaiwaneseWordsForLidarAndSelfDrivingCars() {
        assertThat(sectors("這款自駕車配備了三顆光達。")).containsExactly("driving");
    }

    @Test
    void shouldNotTakeASelfDriveHolidayForAutonomousDriving() {
        assertThat(sectors("五一假期自驾车旅游的人很多，高速有点堵。")).isEmpty();
    }

    @Test
    void shouldNeedContextForABareChip() {
        assertThat(sectors("這塊晶片很小。")).isEmpty();
    }

    private static List<String> sectors(String text) {
        return LABELER.label(text).stream().map(Label::sector).toList();
    }
}
