package trendwatch.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes fetched bytes to text when the HTTP header, a BOM, the XML prolog and the HTML {@code <meta>} may
 * disagree — common on Chinese sites, where a server says UTF-8 for a GBK page or the reverse.
 *
 * <p>Order of trust: a BOM wins outright; then the Content-Type charset; then the document's own declaration
 * (XML prolog or {@code <meta>}); else UTF-8. Pragmatic exceptions, because a wrong answer is unreadable text:
 * <ul>
 *   <li>when the document's declaration decodes the bytes with fewer errors than the header's charset (typically
 *       none against some), the document wins;</li>
 *   <li>when the header and the document name two different Chinese charsets, the one whose text has the larger
 *       share of common Chinese characters wins (an undecodable sequence counts as uncommon): GBK decodes nearly
 *       any Big5 byte pair without an error, and Big5 much GBK, so only the text itself tells them apart;</li>
 *   <li>a header naming a single-byte Western charset (latin1 is many servers' default) yields to a document
 *       declaration that decodes cleanly;</li>
 *   <li>when the bytes are valid UTF-8 with non-ASCII content and either the document declares UTF-8 or the
 *       header names a single-byte Western charset (a typical server default), UTF-8 wins — valid multi-byte
 *       UTF-8 almost never happens by accident;</li>
 *   <li>when no declaration decodes cleanly, or none is made: UTF-8 if the bytes are valid UTF-8, else whichever
 *       of GB18030 and Big5 decodes into plausible Chinese (mostly common characters, with at most one error or
 *       one per hundred, as a title cut mid-character leaves); failing that the declared charset that decoded
 *       best, or windows-1252 when nothing is declared.</li>
 * </ul>
 * gb2312, gbk and their aliases read as GB18030 (a superset), big5 as Big5-HKSCS, and latin1/ascii labels as
 * windows-1252, as browsers do.
 */
public final class Charsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    /** Labels read as the wider charset browsers use for them: pages labeled euc-kr are written in CP949, say. */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"),
            Map.entry("cp936", "GB18030"), Map.entry("euc-cn", "GB18030"),
            Map.entry("big5", "Big5-HKSCS"), Map.entry("x-x-big5", "Big5-HKSCS"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("x-sjis", "windows-31j"),
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("us-ascii", "windows-1252"));
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([\\w.:+-]+)");
    private static final Pattern XML_PROLOG = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:+-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([\\w.:+-]+)");
    private static final int SNIFF_BYTES = 4096;
    private static final Set<Charset> CHINESE = Set.of(GB18030, BIG5, BIG5_HKSCS,
            Charset.forName("GBK"), Charset.forName("GB2312"));
    /**
     * The characters the two national standards list as frequently used: GB2312 level 1 (3,755 hanzi) and Big5
     * level 1 (5,401). Real Chinese text, simplified or traditional, is nearly all made of them; Big5 read as GBK,
     * or GBK as Big5, turns half of it or more into kana, bopomofo, private-use and rare characters.
     */
    private static final BitSet COMMON_HANZI = commonHanzi();
    /** Share of common characters, among the non-ASCII ones, above which text passes for Chinese. */
    private static final double PLAUSIBLY_CHINESE = 0.8;

    private Charsets() {
    }

    /** The text of {@code body}, given the response's Content-Type header (may be null). */
    public static String decode(byte[] body, String contentTypeHeader) {
        if (body == null || body.length == 0) {
            return "";
        }
        String bom = decodeBom(body);
        if (bom != null) {
            return bom;
        }
        Charset header = contentTypeHeader == null ? null : fromMatch(HEADER_CHARSET.matcher(contentTypeHeader));
        Charset declared = declared(body);
        if (preferUtf8(body, header, declared)) {
            return new String(body, StandardCharsets.UTF_8);
        }
        Reading byDocument = declared == null || declared.equals(header) ? null : read(body, declared);
        if (WINDOWS_1252.equals(header) && byDocument != null && byDocument.clean()) {
            return byDocument.text();
        }
        Reading chosen = header == null ? byDocument : likelier(read(body, header), byDocument);
        if (chosen != null && chosen.clean()) {
            return chosen.text();
        }
        // a page that names another script's charset (Korean, Japanese, Cyrillic) is not second-guessed as Chinese:
        // Hangul read as GBK gives common hanzi, and the page would count as a Chinese article
        String guessed = mayBeChinese(header) && mayBeChinese(declared) ? guess(body) : null;
        if (guessed != null) {
            return guessed;
        }
        return chosen != null ? chosen.text() : new String(body, WINDOWS_1252);
    }

    /** Whether a declared charset leaves room for Chinese: none, UTF-8, a Western default, or a Chinese one. */
    private static boolean mayBeChinese(Charset declared) {
        return declared == null || StandardCharsets.UTF_8.equals(declared) || WINDOWS_1252.equals(declared)
                || CHINESE.contains(declared);
    }

    /** The charset a name stands for, with web aliases applied, or null when unknown. */
    static Charset forName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        try {
            return Charset.forName(ALIASES.getOrDefault(key, key));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean preferUtf8(byte[] body, Charset header, Charset declared) {
        boolean hint = StandardCharsets.UTF_8.equals(declared) || WINDOWS_1252.equals(header);
        if (!hint || StandardCharsets.UTF_8.equals(header) || isAscii(body)) {
            return false;
        }
        return read(body, StandardCharsets.UTF_8).clean();
    }

    /**
     * The more trusted reading, unless the other reads as more common Chinese (both being Chinese charsets) or has
     * fewer decoding errors (otherwise). Plausibility judges only Chinese against Chinese: EUC-KR Hangul, say, read
     * as GBK gives common hanzi, so a Korean page's right header must not lose to a wrong gbk {@code <meta>}.
     */
    private static Reading likelier(Reading trusted, Reading other) {
        if (other == null) {
            return trusted;
        }
        if (CHINESE.contains(trusted.charset()) && CHINESE.contains(other.charset())) {
            return commonShare(other.text()) > commonShare(trusted.text()) ? other : trusted;
        }
        return other.malformed() < trusted.malformed() ? other : trusted;
    }

    /** UTF-8 if it decodes, else whichever of GB18030 and Big5 decodes into plausible Chinese, else null. */
    private static String guess(byte[] body) {
        Reading utf8 = read(body, StandardCharsets.UTF_8);
        if (utf8.clean()) {
            return utf8.text();
        }
        Reading gb = read(body, GB18030);
        Reading big5 = read(body, BIG5_HKSCS);
        double gbShare = chineseShare(gb);
        double big5Share = chineseShare(big5);
        if (Math.max(gbShare, big5Share) < PLAUSIBLY_CHINESE) {
            return null;
        }
        return (gbShare >= big5Share ? gb : big5).text();
    }

    /**
     * The common-character share of a reading with at most one error, or one per hundred non-ASCII characters,
     * else 0: a stray byte must not hide a Chinese page, but Cyrillic in KOI8-R, say, must not pass for one
     * through its many errors.
     */
    private static double chineseShare(Reading reading) {
        boolean fewErrors = reading.malformed() <= Math.max(1, nonAscii(reading.text()) / 100);
        return fewErrors ? commonShare(reading.text()) : 0;
    }

    /** Of the non-ASCII characters, the share that are common hanzi or CJK punctuation; 0 without any. */
    private static double commonShare(String text) {
        int common = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && (COMMON_HANZI.get(c) || isCjkPunctuation(c))) {
                common++;
            }
        }
        int nonAscii = nonAscii(text);
        return nonAscii == 0 ? 0 : (double) common / nonAscii;
    }

    private static int nonAscii(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                count++;
            }
        }
        return count;
    }

    private static boolean isCjkPunctuation(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || block == Character.UnicodeBlock.GENERAL_PUNCTUATION;
    }

    private static BitSet commonHanzi() {
        BitSet common = new BitSet(0x10000);
        addIdeographs(common, GB18030, 0xb0, 0xd7, 0xa1);   // GB2312 level 1: B0A1–D7F9
        addIdeographs(common, BIG5, 0xa4, 0xc6, 0x40);      // Big5 level 1: A440–C67E
        return common;
    }

    /** Adds the ideographs the charset decodes from two-byte codes with these lead bytes and trail bytes from. */
    private static void addIdeographs(BitSet set, Charset charset, int firstLead, int lastLead, int firstTrail) {
        for (int lead = firstLead; lead <= lastLead; lead++) {
            for (int trail = firstTrail; trail <= 0xfe; trail++) {
                String s = new String(new byte[] {(byte) lead, (byte) trail}, charset);
                if (s.length() == 1 && Character.isIdeographic(s.charAt(0))) {
                    set.set(s.charAt(0));
                }
            }
        }
    }

    private static Charset declared(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        Charset prolog = fromMatch(XML_PROLOG.matcher(head));
        return prolog != null ? prolog : fromMatch(META_CHARSET.matcher(head));
    }

    private static Charset fromMatch(Matcher m) {
        return m.find() ? forName(m.group(1)) : null;
    }

    private static String decodeBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xfe && (b[1] & 0xff) == 0xff) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xfe) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        return null;
    }

    /** The body decoded with U+FFFD for each malformed or unmappable sequence, counting them. */
    private static Reading read(byte[] body, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(8192);
        StringBuilder text = new StringBuilder(body.length);
        int malformed = 0;
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            text.append(out.flip());
            out.clear();
            if (result.isUnderflow()) {
                break;
            }
            if (result.isError()) {
                malformed++;
                text.append('\uFFFD');
                in.position(in.position() + result.length());
            }
        }
        decoder.flush(out);
        text.append(out.flip());
        return new Reading(charset, text.toString(), malformed);
    }

    /** A decoding of the body: its text and how many byte sequences did not decode. */
    private record Reading(Charset charset, String text, int malformed) {

        boolean clean() {
            return malformed == 0;
        }
    }

    private static boolean isAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
