package trendwatch.ingest.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that belongs to the page, not to the article: notices, disclaimers, and the footer
 * (references, reading lists, credits, contact lines). Works on cleaned lines or paragraphs.
 */
final class Boilerplate {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Notices and disclaimers are only dropped when short: a long line is article text. */
    private static final int MAX_NOTICE_LENGTH = 40;

    /**
     * A footer marker only cuts when at least this share of the text comes before it, so an
     * article that opens with "References" or mentions "推荐阅读" early keeps its body.
     */
    private static final double MIN_SHARE_BEFORE_FOOTER = 0.5;

    /** Single lines to drop wherever they are (short lines only, see MAX_NOTICE_LENGTH). */
    private static final List<Pattern> NOTICES = List.of(
            // archive/backup notices of reposting accounts: "公众号【懒人搜索】备份，仅供查阅学习"
            Pattern.compile(".*公众号.{0,20}备份.*"),
            // disclaimers: "*个人观点，仅供参考。", "仅供学习交流"
            Pattern.compile(".*仅供(参考|查阅|学习|交流).*"),
            Pattern.compile(".*(for (reference|informational|educational) purposes only|"
                    + "not (financial|investment|legal) advice).*", FLAGS),
            // navigation left in saved pages
            Pattern.compile("(返回(列表页?|顶部|目录|首页)|back to (top|list|index|home))", FLAGS),
            // calls to follow or scan a code
            Pattern.compile("(点击|长按|扫描|扫码).{0,20}(关注|二维码|识别).*"));

    /** Lines where the footer starts; everything from such a line to the end goes. */
    private static final List<Pattern> FOOTER_MARKERS = List.of(
            // reference and reading-list headings, alone or followed by a colon
            Pattern.compile("(参考(资料|文献|链接|来源)|资料来源|推荐阅读|延伸阅读|相关阅读|往期(推荐|回顾|精选)|猜你喜欢|"
                    + "references|bibliography|sources|recommended reading|further reading|"
                    + "related (articles|posts|reading|stories)|read more|you may also like)"
                    + "\\s*(?:[:：].*)?", FLAGS),
            // credits: "主笔 / 木言声 编辑 / 二蔓 版面 / 黄静", "Editor: …"
            Pattern.compile("(主笔|作者|撰文|编辑|责编|责任编辑|排版|版面|校对|审校|美编|策划|监制|出品|"
                    + "author|editor|written by|edited by)\\s*[/／|｜:：]\\s*\\S.{0,80}", FLAGS),
            // the account's own counter: "这是刘润公众号的第2507篇原创文章"
            Pattern.compile(".{0,30}第\\s*[0-9]+\\s*篇原创.{0,10}"),
            // business contact lines: "品牌推广 | 培训合作 | 商业咨询 | 转载开白 …"
            Pattern.compile("(品牌推广|商务合作|广告合作|培训合作|媒体合作|转载开白|转载授权|"
                    + "advertise with us|contact us|subscribe to (our|the) newsletter).*", FLAGS),
            // explicit end marks: "- END -", "全文完", "The End"
            Pattern.compile("[-—–_=~\\s]*(end|the end|完|全文完)[-—–_=~\\s]*", FLAGS));

    private Boilerplate() {
    }

    static boolean isNotice(String text) {
        return text.length() <= MAX_NOTICE_LENGTH && matchesAny(NOTICES, text);
    }

    /**
     * Index of the line where the footer starts, or {@code texts.size()} when there is none.
     * Blank entries are allowed: they count as no text.
     */
    static int footerStart(List<String> texts) {
        long total = texts.stream().mapToLong(String::length).sum();
        long before = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (before >= total * MIN_SHARE_BEFORE_FOOTER && matchesAny(FOOTER_MARKERS, text)) {
                return i;
            }
            before += text.length();
        }
        return texts.size();
    }

    private static boolean matchesAny(List<Pattern> patterns, String text) {
        return patterns.stream().anyMatch(p -> p.matcher(text).matches());
    }
}
