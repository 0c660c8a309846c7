package trendwatch.classify.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeadingsTest {

    @ParameterizedTest
    @ValueSource(strings = {"推理芯片：预训练将死，必须开拓第二战线", "自动驾驶：量产“五星司机”",
        "Solid-state batteries: the race to mass production", "Pony.ai and the 3.5-ton robotaxi question", "Robotaxis"})
    void shouldTakeShortLinesThatAreNotSentencesForHeadings(String text) {
        assertThat(Headings.isHeading(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"前者，需要推理芯片。后者，需要固态电池。", "什么是L6呢？", "Waymo expands. Again",
        "看DAO报告复盘锂电是这样说的：", "Robotaxis are here.", "", "   ",
        "A very long line without any full stop that goes on and on about robotaxis and lidar and maps and the cities "
            + "where they run"})
    void shouldNotTakeSentencesOrLongLinesForHeadings(String text) {
        assertThat(Headings.isHeading(text)).isFalse();
    }
}
