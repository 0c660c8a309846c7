package trendwatch.classify.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import trendwatch.model.Label;
import trendwatch.model.taxonomy.Taxonomy;

/** The default taxonomy on real paragraphs: the seed article's six sections, English news, and traps. */
class LabelerTest {

    private static final Labeler LABELER = new Labeler(Taxonomy.loadDefault());

    @Test
    void shouldLabelTheSeedsSpaceSection() {
        assertThat(sectors("这其实不是流星，也不是外星人入侵地球。这一天，是SpaceX星舰的第七次试飞。只不过，星舰箭体和助推器分离后没多久，"
                + "解体了。碎片坠入大气层，形成了这串拖着长尾的“烟火”。")).containsExactly("space");
        assertThat(sectors("对应马斯克的低轨互联网星座计划，星链（StarLink），我们也有中国版，名叫“千帆星座”计划。紧追星链，抢占资源。"))
                .containsExactly("space");
        assertThat(sectors("中国的中型运载火箭朱雀二号改进型，开启了商业化批量交付；中国首个商业航发射场在海南投入使用，"
                + "周边的卫星超级工厂2025年投产；")).containsExactly("space");
    }

    @Test
    void shouldLabelTheSeedsRobotsSection() {
        assertThat(sectors("根据看DAO报告的整理，小鹏小米的机器人早已出现在自家汽车工厂，宝马奔驰分别找了FigureAI和Apptronik，"
                + "擎天柱在特斯拉分拣电池，Agility已经在亚马逊实习一年了.....中国的机器人密度，已经赶超日本和德国。"))
                .containsExactly("robots");
        assertThat(sectors("春晚跳秧歌的机器人，背后公司是宇树科技。他们的G1人形机器人，9.9万。")).containsExactly("robots");
    }

    @Test
    void shouldLabelTheSeedsChipsSection() {
        assertThat(sectors("前两轮美国出口管制，禁运高端芯片给中国。到了今年，出口管制是一点没松动。1月美国政府出台一系列政策，"
                + "美国厂商生产的AI GPU芯片，几乎全面禁止中国进口。")).containsExactly("chips");
        assertThat(sectors("定制推理芯片，是接下来中国企业的必争之地。在卡脖子的高端AI芯片战线上，中国也做了很多努力。"))
                .containsExactly("chips");
    }

    @Test
    void shouldLabelTheSeedsBatteriesSection() {
        assertThat(sectors("答，液态电池。更具体一点，是液态锂离子电池，简称“锂电池”。它主要由4个组件构成，正极和负极材料，隔膜，"
                + "以及电池之所以称为“液态电池”的电解液。")).containsExactly("batteries");
        assertThat(sectors("比如，比亚迪。他们鼎鼎大名的“刀片电池”，不仅突破了传统锂电池的能量密度。又比如，宁德时代。"
                + "他们的全球首款磷酸铁锂4C超充电池，充电10分钟续航400公里。")).containsExactly("batteries");
    }

    @Test
    void shouldLabelTheSeedsDrivingSection() {
        assertThat(sectors("去年5月开始，百度的萝卜快跑惊艳了全国。毕竟，自动驾驶这东西，颇有点像喊狼来了的小孩。"))
                .containsExactly("driving");
        assertThat(sectors("比如大众和地平线，丰田和小马智行，博世和文远知行，华为赋能赛力斯等本土品牌。现在，L2已经比较普及了。"))
                .containsExactly("driving");
        assertThat(sectors("去年7月，我去参访了一家做“惯性导航”的公司。什么是惯性导航呢？开车的朋友知道，不少地方开着开着，GPS覆盖不到，没信号了。"))
                .containsExactly("driving");
    }

    @Test
    void shouldLabelTheSeedsBiomedSection() {
        assertThat(sectors("美国的药其实很多来自中国。但是美国不开心，又举起了打压的手。怕知识产权通过合同和合作流出，怕生物数据被拿走，"
                + "怕原料药供应链过于集中，美国开启针对中国的《生物安全法案》。")).containsExactly("biomed");
        assertThat(sectors("如今，中国企业启动的临床试验，已经接近美国水平。中国新药上市数量接近美国一半，全球排第二。"))
                .containsExactly("biomed");
    }

    @Test
    void shouldLabelEnglishSpaceNews() {
        assertThat(sectors("SpaceX launched another batch of Starlink satellites on a Falcon 9 rocket, and the first-stage "
                + "booster landed on a drone ship.")).containsExactly("space");
        assertThat(sectors("Blue Origin's New Glenn reached orbit on its first flight, while Amazon readies Project Kuiper, "
                + "a rival satellite-internet constellation.")).containsExactly("space");
    }

    @Test
    void shouldLabelEnglishRobotsNews() {
        assertThat(sectors("Unitree's G1 humanoid costs $16,000, and embodied AI startups are racing to collect robot "
                + "training data.")).containsExactly("robots");
        assertThat(sectors("Figure AI says its humanoids now work shifts at BMW, and Agility Robotics' Digit moves totes for GXO."))
                .containsExactly("robots");
    }

    @Test
    void shouldLabelEnglishChipsNews() {
        assertThat(sectors("Nvidia's H20 is the only GPU it may still sell in China after the latest export controls; "
                + "Huawei's Ascend 910C is the local alternative.")).containsExactly("chips");
        assertThat(sectors("Demand is shifting from training to inference, and custom ASICs such as Google's TPU promise "
                + "cheaper inference compute.")).containsExactly("chips");
    }

    @Test
    void shouldLabelEnglishBatteriesNews() {
        assertThat(sectors("QuantumScape says its solid-state battery cells kept 80% of their capacity after 1,000 cycles, "
                + "at an energy density above 400 Wh/kg.")).containsExactly("batteries");
        assertThat(sectors("CATL unveiled a sodium-ion battery and an LFP cell that adds 400 km of range in ten minutes "
                + "of fast charging.")).containsExactly("batteries");
    }

    @Test
    void shouldLabelEnglishDrivingNews() {
        assertThat(sectors("Waymo now gives more than 150,000 paid robotaxi rides a week in Phoenix and San Francisco."))
                .containsExactly("driving");
        assertThat(sectors("Pony.ai and WeRide expand abroad, while most new cars in China ship with Level 2 ADAS and lidar."))
                .containsExactly("driving");
    }

    @Test
    void shouldLabelEnglishBiomedNews() {
        assertThat(sectors("Chinese biotech companies signed record licensing deals as big pharma hunts for innovative "
                + "drugs; several candidates are in phase 3 clinical trials.")).containsExactly("biomed");
        assertThat(sectors("The BIOSECURE Act would restrict US drugmakers from working with WuXi AppTec and other "
                + "Chinese CDMOs.")).containsExactly("biomed");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "I ate a bag of potato chips",
        "The candidates had to pass a battery of tests before the interview.",
        "休斯顿火箭队赢了",
        "驾校学车",
        "the Houston Rockets won again",
        "在驾校学驾驶，考驾驶证",
        "Chocolate chip cookies and fish and chips are on the menu.",
        "Apple's new iPhone has a bigger battery and a faster chip.",
        "It's not rocket science: drugs and robots are everywhere in the movie.",
        "这款薯片很好吃，地平线上的太阳升起来了。",
        "He was charged with assault and battery after a drunk driving crash near the driving school.",
        "我们扫地机器人和聊天机器人的销量很好。",
        "他后悔药也没得吃，换汤不换药。",
    })
    void shouldGiveNoLabelToHardNegatives(String paragraph) {
        assertThat(LABELER.label(paragraph)).isEmpty();
    }

    @Test
    void shouldLabelHorizonsCarChipsAsDrivingAndChips() {
        List<Label> labels = LABELER.label("地平线发布了征程6系列车载智能驾驶芯片，大众和比亚迪的多款车型将搭载，推动高阶智驾普及。");

        assertThat(labels).extracting(Label::sector).containsExactlyInAnyOrder("driving", "chips");
        assertThat(labels).allSatisfy(label -> assertThat(label.evidence()).contains("征程6", "地平线"));
    }

    @Test
    void shouldSortLabelsByScoreAndEvidenceByStrength() {
        List<Label> labels = LABELER.label("固态电池、固态电池、宁德时代和锂电池：推理芯片也一样。");

        assertThat(labels).extracting(Label::sector).containsExactly("batteries", "chips");
        assertThat(labels.get(0).score()).isGreaterThan(labels.get(1).score()).isLessThanOrEqualTo(1.0);
        assertThat(labels.get(0).evidence()).containsExactly("固态电池", "锂电池", "宁德时代");
    }

    @Test
    void shouldNotLetWeakWordsLabelWithoutAStrongOne() {
        assertThat(LABELER.label("火箭、卫星、芯片、电池、驾驶、机器人、药、rocket, chip, battery, driving, robot, drug")).isEmpty();
    }

    @Test
    void shouldMatchFullWidthAndMixedCaseText() {
        assertThat(sectors("ＳｐａｃｅＸ的ＳＴＡＲＬＩＮＫ")).containsExactly("space");
        assertThat(sectors("SELF-DRIVING cars, self driving trucks")).containsExactly("driving");
    }

    private static List<String> sectors(String paragraph) {
        return LABELER.label(paragraph).stream().map(Label::sector).toList();
    }
}
