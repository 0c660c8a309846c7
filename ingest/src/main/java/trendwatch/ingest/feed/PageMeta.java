package trendwatch.ingest.feed;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** What an article page says about itself in its head, its JSON-LD and its byline. */
final class PageMeta {

    /** Between a headline and the site name in title elements: "Headline - Site", "标题_网站", "Headline | Site". */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[-|–—·•:]{1,2}\\s+|\\s*[_｜|]\\s*|\\s+»\\s+");

    private static final Pattern BY = Pattern.compile("^(by|written by|作者|文|记者)[:：\\s]+", Pattern.CASE_INSENSITIVE);

    private static final String DATE_META = "meta[property=article:published_time], meta[name=article:published_time], "
            + "meta[itemprop=datePublished], meta[name=pubdate], meta[name=publishdate], meta[name=publish-date], "
            + "meta[name=publication_date], meta[name=sailthru.date], meta[name=parsely-pub-date], meta[name=dc.date], "
            + "meta[name=dc.date.issued], meta[name=DC.date.issued], meta[name=date], meta[property=og:published_time], "
            + "meta[property=og:article:published_time]";

    private PageMeta() {
    }

    static String title(Document doc, JsonLd ld) {
        String og = content(doc, "meta[property=og:title], meta[name=og:title], meta[name=twitter:title]");
        if (og != null) {
            return withoutSite(og, content(doc, "meta[property=og:site_name]"));
        }
        if (ld.headline() != null) {
            return Texts.plain(ld.headline());
        }
        Element h1 = doc.selectFirst("article h1, main h1, h1");
        if (h1 != null && !h1.text().isBlank()) {
            return Texts.plain(h1.text());
        }
        String title = Texts.blankToNull(doc.title());
        return title == null ? null : withoutSite(title, content(doc, "meta[property=og:site_name]"));
    }

    /** "Headline - Site" to "Headline": the site part is the named site, else the shorter last part. */
    static String withoutSite(String title, String siteName) {
        String plain = Texts.plain(title);
        if (plain == null) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(plain);
        if (parts.length < 2) {
            return plain;
        }
        String last = parts[parts.length - 1];
        String first = parts[0];
        boolean named = siteName != null && (last.equalsIgnoreCase(siteName.strip()) || first.equalsIgnoreCase(siteName.strip()));
        if (named && first.equalsIgnoreCase(siteName.strip())) {
            return plain.substring(plain.indexOf(first) + first.length()).replaceFirst("^" + TITLE_SEPARATOR.pattern(), "").strip();
        }
        if (named || last.length() < first.length() && last.length() <= 40) {
            int cut = lastSeparatorStart(plain);
            return cut > 0 ? plain.substring(0, cut).strip() : plain;
        }
        return plain;
    }

    private static int lastSeparatorStart(String title) {
        var m = TITLE_SEPARATOR.matcher(title);
        int start = -1;
        while (m.find()) {
            start = m.start();
        }
        return start;
    }

    static String author(Document doc, JsonLd ld) {
        String meta = content(doc, "meta[name=author], meta[name=byl], meta[name=dc.creator], meta[property=article:author]");
        if (meta != null && !meta.startsWith("http")) {
            return clean(meta);
        }
        if (ld.author() != null) {
            return clean(ld.author());
        }
        Element byline = doc.selectFirst("[rel=author], [itemprop=author] [itemprop=name], [itemprop=author], "
                + ".byline, .author, .author-name, .byline-name");
        return byline == null || byline.text().length() > 100 ? null : clean(byline.text());
    }

    private static String clean(String author) {
        String plain = Texts.plain(author);
        return plain == null ? null : Texts.blankToNull(BY.matcher(plain).replaceFirst(""));
    }

    static OffsetDateTime publishedAt(Document doc, JsonLd ld, String lang) {
        var zone = FeedDates.defaultZone(lang);
        for (String text : new String[] {content(doc, DATE_META), ld.datePublished(), timeElement(doc)}) {
            OffsetDateTime date = FeedDates.parse(text, zone);
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    private static String timeElement(Document doc) {
        Element time = doc.selectFirst("article time[datetime], time[pubdate], time[itemprop=datePublished], time[datetime]");
        if (time == null) {
            return null;
        }
        return time.hasAttr("datetime") ? time.attr("datetime") : time.text();
    }

    static String lang(Document doc, JsonLd ld) {
        String lang = Texts.blankToNull(doc.select("html").attr("lang"));
        if (lang == null) {
            lang = content(doc, "meta[http-equiv=content-language], meta[name=language]");
        }
        if (lang == null) {
            String locale = content(doc, "meta[property=og:locale]");
            lang = locale == null ? null : locale.replace('_', '-');
        }
        return lang != null ? lang : ld.inLanguage();
    }

    static URI canonicalUrl(Document doc, URI pageUrl) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String href = link != null ? link.attr("href") : content(doc, "meta[property=og:url], meta[name=og:url]");
        URI resolved = Links.resolve(pageUrl, href);
        return resolved == null ? null : Urls.findCanonical(resolved);
    }

    private static String content(Document doc, String selector) {
        for (Element meta : doc.select(selector)) {
            String value = Texts.blankToNull(meta.attr("content"));
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
