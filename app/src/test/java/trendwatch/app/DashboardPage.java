package trendwatch.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

/** The dashboard as a user sees it, read through the DOM and the chart's own state. */
final class DashboardPage {

    private static final Duration DEADLINE = Duration.ofSeconds(90);

    /** One rendered paragraph: its text and the text of each highlighted evidence term. */
    record Paragraph(String key, String text, List<String> marks) {
    }

    /** One chart line: the sector and its value in every bucket of the range. */
    record Series(String sector, List<Double> values) {
    }

    /** Where a card is drawn, in CSS pixels of the viewport. */
    record Box(String sector, double left, double top, double right, double bottom, boolean shown) {
    }

    private final DashboardBrowser browser;
    private final String url;

    DashboardPage(DashboardBrowser browser, String url) {
        this.browser = browser;
        this.url = url;
    }

    DashboardPage load() {
        browser.driver().get(url);
        return this;
    }

    String title() {
        return browser.driver().getTitle();
    }

    /** The card counts by sector once they satisfy {@code done} (the page refreshes by itself). */
    Map<String, Long> awaitCards(Predicate<Map<String, Long>> done) {
        return browser.waitUpTo(DEADLINE).until(d -> {
            Map<String, Long> counts = cardCounts();
            return done.test(counts) ? counts : null;
        });
    }

    Map<String, Long> cardCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<?, ?> card : list("return [...document.querySelectorAll('#cards .card')].map(c =>"
                + " ({sector: c.dataset.sector, count: c.querySelector('.count').dataset.count}));")) {
            counts.put((String) card.get("sector"), Long.parseLong((String) card.get("count")));
        }
        return counts;
    }

    /** Each card's sector and the names it shows (zh, en). */
    Map<String, List<String>> cardNames() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        for (Map<?, ?> card : list("return [...document.querySelectorAll('#cards .card')].map(c => ({sector:"
                + " c.dataset.sector, zh: c.querySelector('.zh').textContent, en: c.querySelector('.en').textContent}));")) {
            names.put((String) card.get("sector"), List.of((String) card.get("zh"), (String) card.get("en")));
        }
        return names;
    }

    Map<String, String> cardStatuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        for (Map<?, ?> card : list("return [...document.querySelectorAll('#cards .card')].map(c => ({sector:"
                + " c.dataset.sector, status: c.querySelector('.status').textContent}));")) {
            statuses.put((String) card.get("sector"), (String) card.get("status"));
        }
        return statuses;
    }

    boolean emptyStateShown() {
        return browser.driver().findElement(By.id("empty")).isDisplayed();
    }

    /** The empty state's text as it reads on screen. */
    String emptyStateText() {
        return browser.driver().findElement(By.id("empty")).getText();
    }

    boolean chartShown() {
        return browser.driver().findElement(By.id("chart")).isDisplayed();
    }

    /** The series the ECharts instance on the page holds, or an empty list before it draws. */
    List<Series> chartSeries() {
        return list("const box = document.getElementById('chart');"
                + " const chart = window.echarts && echarts.getInstanceByDom(box);"
                + " if (!chart) return [];"
                + " return chart.getOption().series.map(s => ({sector: s.id,"
                + "   values: s.data.map(d => d !== null && typeof d === 'object' ? d.value : d)}));").stream()
                .map(s -> new Series((String) s.get("sector"), ((List<?>) s.get("values")).stream()
                        .map(v -> ((Number) v).doubleValue()).toList()))
                .toList();
    }

    /** Whether the chart's canvas has something drawn on it (not every pixel transparent). */
    boolean chartCanvasDrawn() {
        return Boolean.TRUE.equals(browser.script("const c = document.querySelector('#chart canvas');"
                + " if (!c || !c.width || !c.height) return false;"
                + " const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < px.length; i += 4) { if (px[i] !== 0) return true; } return false;"));
    }

    /** Clicks a sector's card; the page re-renders cards as counts change, so a stale card is looked up again. */
    void select(String sector) {
        browser.waitUpTo(DEADLINE).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#cards .card[data-sector='" + sector + "']")).click();
            return true;
        });
    }

    String pressedCard() {
        return (String) browser.script("const c = document.querySelector('#cards .card[aria-pressed=\"true\"]');"
                + " return c ? c.dataset.sector : null;");
    }

    String paragraphsHeading() {
        return browser.driver().findElement(By.id("paragraphs-sector")).getText();
    }

    /** The paragraphs listed once {@code done} holds for them. */
    List<Paragraph> awaitParagraphs(Predicate<List<Paragraph>> done) {
        return browser.waitUpTo(DEADLINE).until(d -> {
            List<Paragraph> shown = paragraphs();
            return done.test(shown) ? shown : null;
        });
    }

    List<Paragraph> paragraphs() {
        return list("return [...document.querySelectorAll('#paragraphs li.para')].map(li => ({key: li.dataset.key,"
                + " text: li.querySelector('.text').textContent,"
                + " marks: [...li.querySelectorAll('.text mark')].map(m => m.textContent)}));").stream()
                .map(p -> new Paragraph((String) p.get("key"), (String) p.get("text"),
                        ((List<?>) p.get("marks")).stream().map(String.class::cast).toList()))
                .toList();
    }

    List<Box> cardBoxes() {
        return list("return [...document.querySelectorAll('#cards .card')].map(c => { const r ="
                + " c.getBoundingClientRect(); const s = getComputedStyle(c); return {sector: c.dataset.sector,"
                + " left: r.left, top: r.top, right: r.right, bottom: r.bottom, shown: r.width > 0 && r.height > 0"
                + " && s.visibility !== 'hidden' && s.display !== 'none'}; });").stream()
                .map(b -> new Box((String) b.get("sector"), number(b, "left"), number(b, "top"), number(b, "right"),
                        number(b, "bottom"), Boolean.TRUE.equals(b.get("shown"))))
                .toList();
    }

    /** The viewport's width and the page's scroll width (wider means the page scrolls sideways). */
    Map<String, Double> widths() {
        Map<?, ?> w = (Map<?, ?>) browser.script("return {viewport: window.innerWidth,"
                + " page: document.documentElement.scrollWidth,"
                + " chart: document.getElementById('chart').getBoundingClientRect().width};");
        return Map.of("viewport", number(w, "viewport"), "page", number(w, "page"), "chart", number(w, "chart"));
    }

    /** Every URL the page loaded (scripts, styles, API calls), to show that it needs nothing but its server. */
    List<String> resourcesLoaded() {
        return ((List<?>) browser.script("return performance.getEntriesByType('resource').map(e => e.name);"))
                .stream().map(String.class::cast).toList();
    }

    private List<Map<?, ?>> list(String js) {
        return ((List<?>) browser.script(js)).stream().<Map<?, ?>>map(o -> (Map<?, ?>) o).toList();
    }

    private static double number(Map<?, ?> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
