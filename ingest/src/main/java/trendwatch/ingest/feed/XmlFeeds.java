package trendwatch.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jsoup.nodes.Entities;

/** RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 through ROME, on a document parsed by {@link SafeXml}. */
final class XmlFeeds {

    /** RSS 2.0 authors are e-mail addresses, often with the name in brackets: "jo@example.com (Jo Lee)". */
    private static final Pattern MAIL_WITH_NAME = Pattern.compile("\\S+@\\S+\\s*\\((.+)\\)");

    private XmlFeeds() {
    }

    static ParsedFeed parse(String text, URI feedUrl) throws FeedException {
        Document doc = document(text, feedUrl);
        SyndFeed feed = rome(doc, feedUrl);
        RawFeed raw = new RawFeed(doc.getRootElement());
        String lang = Texts.orElse(feed.getLanguage(), raw.lang());
        ZoneOffset zone = FeedDates.defaultZone(lang);
        List<Element> rawItems = raw.items();
        List<SyndEntry> entries = feed.getEntries();
        // ROME keeps document order; if it skipped an element the raw fields cannot be matched up safely
        boolean aligned = rawItems.size() == entries.size();
        List<FeedItem> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Element rawItem = aligned ? rawItems.get(i) : null;
            // an item that cannot be matched up still has the feed's xml:base
            URI base = XmlBase.of(rawItem != null ? rawItem : doc.getRootElement(), feedUrl);
            FeedItem item = item(entries.get(i), rawItem, base, lang, zone);
            if (item.link() != null || item.guid() != null || item.contentHtml() != null || item.summaryHtml() != null) {
                items.add(item);
            }
        }
        URI site = resolve(raw.channel(), XmlBase.of(raw.channel(), feedUrl), siteLink(feed));
        return new ParsedFeed(Texts.plain(feed.getTitle()), site, lang, raw.ttl(), items);
    }

    /** ROME may pick an Atom feed's self link as its link; the site is the alternate one. */
    private static String siteLink(SyndFeed feed) {
        for (SyndLink link : feed.getLinks()) {
            if (link.getRel() == null || link.getRel().equals("alternate")) {
                return link.getHref();
            }
        }
        return feed.getLink();
    }

    private static Document document(String text, URI feedUrl) throws FeedException {
        try {
            return SafeXml.parse(XmlText.repair(text));
        } catch (XmlText.Rejected e) {
            throw new FeedException(feedUrl, e.getMessage());
        } catch (JDOMException e) {
            throw new FeedException(feedUrl, "not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedException(feedUrl, "unreadable XML: " + e.getMessage(), e);
        }
    }

    private static SyndFeed rome(Document doc, URI feedUrl) throws FeedException {
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            input.setAllowDoctypes(false);
            return input.build(doc);
        } catch (IllegalArgumentException e) {
            throw new FeedException(feedUrl, "not an RSS or Atom feed (root element <"
                    + doc.getRootElement().getName() + ">)", e);
        } catch (com.rometools.rome.io.FeedException | RuntimeException e) {
            throw new FeedException(feedUrl, "unreadable feed: " + e.getMessage(), e);
        }
    }

    /** An item; {@code base} is the base URI in scope at its element (the feed URL, unless xml:base says otherwise). */
    private static FeedItem item(SyndEntry entry, Element raw, URI base, String feedLang, ZoneOffset zone) {
        String guid = raw != null ? RawFeed.guid(raw) : entry.getUri();
        String itemLang = raw == null ? null : RawFeed.lang(raw);
        ZoneOffset itemZone = itemLang != null ? FeedDates.defaultZone(itemLang) : zone;
        return new FeedItem(Texts.blankToNull(guid), link(entry, guid, raw, base), Texts.plain(entry.getTitle()),
                author(entry), date(raw == null ? null : RawFeed.date(raw), entry.getPublishedDate(), itemZone),
                content(entry), html(entry.getDescription()), Texts.orElse(itemLang, feedLang),
                date(raw == null ? null : RawFeed.updated(raw), entry.getUpdatedDate(), itemZone));
    }

    private static URI link(SyndEntry entry, String guid, Element raw, URI base) {
        URI link = resolve(raw, base, entry.getLink());
        if (link == null && entry.getLinks() != null) {
            for (SyndLink candidate : entry.getLinks()) {
                if (candidate.getRel() == null || candidate.getRel().equals("alternate")) {
                    link = resolve(raw, base, candidate.getHref());
                    break;
                }
            }
        }
        // an RSS guid is a permalink unless it says otherwise; an http guid is the best link left
        return link != null ? link : Links.resolve(base, guid != null && guid.startsWith("http") ? guid : null);
    }

    /**
     * {@code href} resolved where it was written: a link element of {@code parent} (null when unknown) may carry an
     * xml:base of its own over {@code parentBase}, the base in scope at the parent.
     */
    private static URI resolve(Element parent, URI parentBase, String href) {
        Element written = parent == null ? null : RawFeed.link(parent, href);
        return Links.resolve(written == null ? parentBase : XmlBase.within(parentBase, written), href);
    }

    /** A date as the feed wrote it (with its zone), else as ROME parsed it, else null. */
    private static OffsetDateTime date(String written, Date parsedByRome, ZoneOffset zone) {
        OffsetDateTime parsed = FeedDates.parse(written, zone);
        if (parsed != null) {
            return parsed;
        }
        return parsedByRome == null ? null : parsedByRome.toInstant().atOffset(ZoneOffset.UTC);
    }

    private static String author(SyndEntry entry) {
        String author = entry.getAuthor();
        if ((author == null || author.isBlank()) && entry.getAuthors() != null && !entry.getAuthors().isEmpty()) {
            SyndPerson person = entry.getAuthors().get(0);
            author = person.getName() != null ? person.getName() : person.getEmail();
        }
        if (author == null || author.isBlank()) {
            return null;
        }
        Matcher mail = MAIL_WITH_NAME.matcher(author.strip());
        return Texts.plain(mail.matches() ? mail.group(1) : author);
    }

    private static String content(SyndEntry entry) {
        StringBuilder all = new StringBuilder();
        for (SyndContent part : entry.getContents()) {
            String html = html(part);
            if (html != null) {
                all.append(all.length() == 0 ? "" : "\n").append(html);
            }
        }
        return all.length() == 0 ? null : all.toString();
    }

    /** Content as HTML: Atom's text content is escaped so it reads the same once rendered. */
    private static String html(SyndContent content) {
        if (content == null || content.getValue() == null || content.getValue().isBlank()) {
            return null;
        }
        String type = content.getType() == null ? "" : content.getType().toLowerCase(Locale.ROOT);
        boolean plain = type.equals("text") || type.equals("text/plain");
        return plain ? "<p>" + Entities.escape(content.getValue().strip()) + "</p>" : content.getValue().strip();
    }
}
