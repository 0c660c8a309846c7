package trendwatch.ingest.extract;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it: article text or page furniture. The word lists
 * follow Readability.js, which has been tuned on real pages for a decade, plus the Chinese words
 * and the furniture of current sites (cookie banners, newsletter boxes, recommendation rails).
 */
final class ClassHints {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /** Blocks so likely furniture that they are removed before scoring, unless {@link #MAYBE} rescues them. */
    private static final Pattern UNLIKELY = Pattern.compile("-ad-|ai2html|banner|breadcrumb|combx|comment|community|"
            + "cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
            + "skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent|"
            + "newsletter|subscribe|share|sharing|recommend|promo|toolbar|masthead|navbar|topbar|"
            + "评论|推荐|相关|分享|导航|版权|登录", FLAGS);

    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|mathjax|shadow|正文|文章", FLAGS);

    private static final Pattern POSITIVE = Pattern.compile("article|body|content|entry|hentry|h-entry|main|page|"
            + "post|text|blog|story|正文|文章|内容", FLAGS);

    private static final Pattern NEGATIVE = Pattern.compile("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|"
            + "com-|contact|footer|gdpr|masthead|media|meta|outbrain|taboola|promo|related|scroll|share|shoutbox|sidebar|"
            + "skyscraper|sponsor|shopping|tags|widget|nav|breadcrumb|subscribe|newsletter|cookie|consent|popup|modal|"
            + "recommend|byline|caption|credit|author|dateline|评论|推荐|相关|分享|广告", FLAGS);

    /** Short words that are furniture only as whole words: "ad" but not "head", "ads" but not "loads". */
    private static final Pattern NEGATIVE_WORD = Pattern.compile("ad|ads|advert|advertisement|adsbygoogle|banner-ad|"
            + "nav|menu|toc|rating|social|share|sns");

    private static final Pattern WORD_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+|(?<=[a-z])(?=[A-Z])");

    private ClassHints() {
    }

    static String names(Element element) {
        return element.className() + " " + element.id();
    }

    /** Whether the element is furniture to remove before any scoring. */
    static boolean unlikely(Element element) {
        String names = names(element);
        if (names.isBlank()) {
            return false;
        }
        return UNLIKELY.matcher(names).find() && !MAYBE.matcher(names).find() || hasNegativeWord(names);
    }

    /** +25 for each positive hint, -25 for each negative one. */
    static int weight(Element element) {
        int weight = 0;
        for (String name : new String[] {element.className(), element.id()}) {
            if (name.isEmpty()) {
                continue;
            }
            if (NEGATIVE.matcher(name).find() || hasNegativeWord(name)) {
                weight -= 25;
            }
            if (POSITIVE.matcher(name).find()) {
                weight += 25;
            }
        }
        return weight;
    }

    private static boolean hasNegativeWord(String names) {
        for (String word : WORD_BREAK.split(names)) {
            if (NEGATIVE_WORD.matcher(word.toLowerCase(Locale.ROOT)).matches()) {
                return true;
            }
        }
        return false;
    }
}
