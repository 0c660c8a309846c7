package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/** The found content as paragraphs, without the title repeated and without leftover furniture lines. */
final class Paragraphs {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Short lines that are widgets, not prose, wherever they appear in the content. */
    private static final Pattern WIDGET_LINE = Pattern.compile("(advertisement|advertising|sponsored( content)?|"
            + "share( this( article| story| post)?)?( on \\w+)?|tweet|print|email|e-mail|comments?|\\d+ comments?|"
            + "(read|see|view) (more|next|also|the full story)(:.*)?|related( (articles|stories|posts|content|coverage))?(:.*)?|"
            + "(sign up|subscribe)\\b.{0,60}|follow us\\b.*|click here\\b.{0,40}|skip to (main )?content|"
            + "(photo|image|picture|video|graphic|illustration|credit)s?:.{0,80}|getty images|"
            + "(©|copyright|\\(c\\)).{0,100}|all rights reserved\\.?|"
            + "广告|分享(到)?.{0,10}|打开.{0,6}app.{0,10}|(点击)?查看(更多|全文|原文).{0,10}|返回(顶部|首页)|"
            + "(图片|图|来源|图源|摄影)[:：].{0,40}|图为.{0,80}|.{0,80}[（(](资料图|图片来源.{0,20}|.{0,10}摄)[)）]|[（(\\[【]?(责任)?编辑[:：].{0,20}|相关(阅读|新闻|文章)[:：]?.{0,60})"
            + "[\\s.。:：|»›>→]*", FLAGS);

    private static final int MAX_WIDGET_LINE = 100;

    private Paragraphs() {
    }

    static List<String> of(List<Element> content, String title) {
        List<String> blocks = new ArrayList<>();
        for (Element element : content) {
            blocks.addAll(HtmlBlocks.paragraphs(element));
        }
        List<String> kept = new ArrayList<>();
        for (String block : blocks.subList(0, Boilerplate.footerStart(blocks))) {
            boolean repeatsTitle = kept.isEmpty() && title != null && sameText(block, title);
            if (!repeatsTitle && !isWidget(block) && !Boilerplate.isNotice(block)) {
                kept.add(block);
            }
        }
        return kept;
    }

    private static boolean isWidget(String line) {
        return line.length() <= MAX_WIDGET_LINE && WIDGET_LINE.matcher(line).matches();
    }

    private static boolean sameText(String a, String b) {
        return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
