package trendwatch.ingest.fetch;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes fetched bytes to text when the HTTP header, a BOM, the XML prolog and the HTML {@code <meta>} may
 * disagree — common on Chinese sites, where a server says UTF-8 for a GBK page or the reverse.
 *
 * <p>Order of trust: a BOM wins outright; then the Content-Type charset; then the document's own declaration
 * (XML prolog or {@code <meta>}); else UTF-8. Pragmatic exceptions, because a wrong answer is unreadable text:
 * <ul>
 *   <li>when the header's charset does not decode the bytes cleanly and the document's declaration does, the
 *       document wins;</li>
 *   <li>a header naming a single-byte Western charset (latin1 is many servers' default) yields to a document
 *       declaration that decodes cleanly;</li>
 *   <li>when the bytes are valid UTF-8 with non-ASCII content and either the document declares UTF-8 or the
 *       header names a single-byte Western charset (a typical server default), UTF-8 wins — valid multi-byte
 *       UTF-8 almost never happens by accident;</li>
 *   <li>with no usable declaration and bytes that are not UTF-8, text that decodes as GB18030 into mostly CJK
 *       characters is read as GB18030, anything else as windows-1252.</li>
 * </ul>
 * gb2312, gbk and their aliases read as GB18030 (a superset), big5 as Big5-HKSCS, and latin1/ascii labels as
 * windows-1252, as browsers do.
 */
public final class Charsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Map<String, String> ALIASES = Map.of(
            "gb2312", "GB18030", "gbk", "GB18030", "x-gbk", "GB18030", "cp936", "GB18030", "euc-cn", "GB18030",
            "big5", "Big5-HKSCS", "x-x-big5", "Big5-HKSCS",
            "iso-8859-1", "windows-1252", "latin1", "windows-1252", "us-ascii", "windows-1252");
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([\\w.:+-]+)");
    private static final Pattern XML_PROLOG = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([\\w.:+-]+)[\"']");
    private static final Pattern META_CHARSET = Pattern.compile("(?i)<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([\\w.:+-]+)");
    private static final int SNIFF_BYTES = 4096;

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
        if (WINDOWS_1252.equals(header) && declared != null && strict(body, declared) != null) {
            return strict(body, declared);
        }
        if (header != null) {
            String text = strict(body, header);
            if (text == null && declared != null && !declared.equals(header)) {
                text = strict(body, declared);
            }
            return text != null ? text : new String(body, header);
        }
        if (declared != null) {
            String text = strict(body, declared);
            return text != null ? text : guess(body, declared);
        }
        return guess(body, StandardCharsets.UTF_8);
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
        return strict(body, StandardCharsets.UTF_8) != null;
    }

    /** UTF-8 if it decodes, else GB18030 when that reads as Chinese, else {@code fallback} leniently. */
    private static String guess(byte[] body, Charset fallback) {
        String utf8 = strict(body, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        String gb = strict(body, GB18030);
        if (gb != null && looksChinese(gb)) {
            return gb;
        }
        return new String(body, StandardCharsets.UTF_8.equals(fallback) ? WINDOWS_1252 : fallback);
    }

    private static boolean looksChinese(String text) {
        int nonAscii = 0;
        int cjk = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                nonAscii++;
                Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
                if (block == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS
                        || block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION
                        || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
                    cjk++;
                }
            }
        }
        return nonAscii > 0 && cjk * 10 >= nonAscii * 8;
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

    /** The text if every byte decodes under the charset, else null. */
    private static String strict(byte[] body, Charset charset) {
        try {
            CharBuffer chars = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return chars.toString();
        } catch (CharacterCodingException e) {
            return null;
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
