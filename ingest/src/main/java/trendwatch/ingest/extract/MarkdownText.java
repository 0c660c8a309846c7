package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown and plain text (including Markdown saved from WeChat public accounts) to clean text. */
final class MarkdownText {

    /** Only a level-1 heading opening the text is its title; "## …" openers are section names. */
    private static final Pattern TITLE = Pattern.compile("#\\s+(.*?)(?:\\s+#+)?");

    private MarkdownText() {
    }

    static ExtractedText extract(String content) {
        String text = InlineMarkup.dropImagesAndUnwrapLinks(Whitespace.normalise(content));
        List<String> raw = new ArrayList<>(List.of(text.split("\n", -1)));
        String title = takeTitle(raw);
        List<Line> lines = withoutBoilerplate(parse(raw));
        return new ExtractedText(title, String.join("\n\n", LineJoiner.paragraphs(lines)));
    }

    /** Removes and returns the title when the first non-blank line is a level-1 heading. */
    private static String takeTitle(List<String> raw) {
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher heading = TITLE.matcher(line);
            if (!heading.matches()) {
                return null;
            }
            String title = InlineMarkup.plain(heading.group(1));
            if (title.isEmpty()) {
                return null;
            }
            raw.remove(i);
            return title;
        }
        return null;
    }

    private static List<Line> parse(List<String> raw) {
        List<Line> lines = new ArrayList<>();
        for (String line : raw) {
            int previous = lines.size() - 1;
            if (previous >= 0 && lines.get(previous).kind() == Line.Kind.TEXT
                    && MarkdownLines.isSetextUnderline(line)) {
                lines.set(previous, lines.get(previous).asHeading());
                lines.add(Line.BREAK);
            } else {
                lines.addAll(MarkdownLines.parse(line));
            }
        }
        return lines;
    }

    /** Cuts the footer, then turns notices into breaks so they join with nothing. */
    private static List<Line> withoutBoilerplate(List<Line> lines) {
        int footer = Boilerplate.footerStart(lines.stream().map(Line::text).toList());
        return lines.subList(0, footer).stream()
                .map(line -> Boilerplate.isNotice(line.text()) ? Line.BREAK : line)
                .toList();
    }
}
