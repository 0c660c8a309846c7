package trendwatch.ingest.extract;

/**
 * One cleaned line of a Markdown-ish text, with what it is.
 *
 * @param kind what the line is, which decides whether it may be joined with its neighbours
 * @param text the line without markup
 */
record Line(Kind kind, String text) {

    /** A blank line, or one that held only markup: it ends the paragraph before it. */
    static final Line BREAK = new Line(Kind.BREAK, "");

    enum Kind {
        /** Ordinary text; may be the continuation of the line before it. */
        TEXT,
        /** A heading (#, setext or an entirely bold line): always a paragraph of its own. */
        HEADING,
        /** A list item: starts a paragraph, may be continued by plain text lines. */
        ITEM,
        /** A blockquote line: joins only with other blockquote lines. */
        QUOTE,
        /**
         * A line of links only. Never printed; its link text is kept so that a footer marker
         * written as a link ("[推荐阅读：](…)") is still recognised.
         */
        LINKS,
        /** See {@link Line#BREAK}. */
        BREAK
    }

    /** True for the lines that end up in the body. */
    boolean printable() {
        return kind != Kind.LINKS && kind != Kind.BREAK;
    }

    Line asHeading() {
        return new Line(Kind.HEADING, text);
    }
}
