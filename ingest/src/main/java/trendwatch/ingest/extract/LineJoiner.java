package trendwatch.ingest.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds paragraphs from cleaned lines. Exported articles put one paragraph on a line, but some
 * lines are broken mid-sentence ("…生产的AI" / "GPU芯片，…"); those are joined with the next line.
 */
final class LineJoiner {

    /** Characters a complete sentence (or a clause introducing the next line) ends with. */
    private static final String SENTENCE_END = "。！？!?…；;：:”」』）).\"’．｡";

    /** Characters that close onto the word before them, with no space in Latin text either. */
    private static final String CLOSING = ",.;:!?)]}%";

    private LineJoiner() {
    }

    static List<String> paragraphs(List<Line> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Line.Kind currentKind = Line.Kind.BREAK;
        for (Line line : lines) {
            if (line.printable() && continues(currentKind, current, line)) {
                appendContinuation(current, line.text());
                continue;
            }
            flush(current, paragraphs);
            currentKind = line.printable() ? line.kind() : Line.Kind.BREAK;
            current.append(line.printable() ? line.text() : "");
        }
        flush(current, paragraphs);
        return paragraphs;
    }

    private static boolean continues(Line.Kind kind, CharSequence paragraph, Line next) {
        boolean sameBlock = switch (next.kind()) {
            case TEXT -> kind == Line.Kind.TEXT || kind == Line.Kind.ITEM;
            case QUOTE -> kind == Line.Kind.QUOTE;
            default -> false;
        };
        return sameBlock && !endsSentence(paragraph);
    }

    static boolean endsSentence(CharSequence text) {
        return text.length() == 0 || SENTENCE_END.indexOf(text.charAt(text.length() - 1)) >= 0;
    }

    /** CJK text runs on without spaces; Latin words and numbers on either side need one. */
    private static void appendContinuation(StringBuilder paragraph, String next) {
        int last = Character.codePointBefore(paragraph, paragraph.length());
        int first = next.codePointAt(0);
        if (!isWide(last) && !isWide(first) && CLOSING.indexOf(first) < 0) {
            paragraph.append(' ');
        }
        paragraph.append(next);
    }

    /** Ideographs, kana, hangul and full-width/CJK punctuation: written without spaces between. */
    static boolean isWide(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || script == Character.UnicodeScript.BOPOMOFO) {
            return true;
        }
        Character.UnicodeBlock block = Character.UnicodeBlock.of(codePoint);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS
                || block == Character.UnicodeBlock.VERTICAL_FORMS;
    }

    private static void flush(StringBuilder paragraph, List<String> paragraphs) {
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
