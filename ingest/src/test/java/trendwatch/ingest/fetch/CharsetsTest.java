package trendwatch.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Decoding when the header, BOM, XML prolog and meta disagree, with Chinese encodings and lying headers. */
class CharsetsTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset BIG5 = Charset.forName("Big5");
    private static final String ZH = "2025年，6大机会：太空经济、人形机器人、推理芯片、固态电池";
    private static final String ZH_TW = "人形機器人與自動駕駛的未來";

    @Test
    void shouldUseTheHeaderCharset() {
        assertThat(Charsets.decode(html(ZH, null).getBytes(GBK), "text/html; charset=GBK")).isEqualTo(html(ZH, null));
    }

    @Test
    void shouldReadGbkWhenTheHeaderLiesUtf8AndTheMetaSaysGbk() {
        String page = html(ZH, "<meta charset=\"gbk\">");

        assertThat(Charsets.decode(page.getBytes(GBK), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldReadGb18030FourByteCharactersWhenTheHeaderLiesAndTheProlog() {
        // 𠀀 (U+20000) and € need GB18030's four-byte sequences; GBK cannot carry them
        String feed = "<?xml version=\"1.0\" encoding=\"GB18030\"?><rss><title>" + ZH + " 𠀀 €</title></rss>";

        assertThat(Charsets.decode(feed.getBytes(GB18030), "application/rss+xml; charset=UTF-8")).isEqualTo(feed);
    }

    @Test
    void shouldReadBig5WhenTheHeaderLiesAndTheMetaSaysBig5() {
        String page = html(ZH_TW, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">");

        assertThat(Charsets.decode(page.getBytes(BIG5), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldReadUtf8WhenTheHeaderLiesGbkAndTheMetaSaysUtf8() {
        String page = html(ZH, "<meta charset=\"utf-8\">");

        assertThat(Charsets.decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=gbk")).isEqualTo(page);
    }

    @Test
    void shouldPreferTheHeaderWhenItDecodesCleanlyAndTheMetaIsWrong() {
        String page = html(ZH, "<meta charset=\"utf-8\">");

        assertThat(Charsets.decode(page.getBytes(GBK), "text/html; charset=gb2312")).isEqualTo(page);
    }

    @Test
    void shouldLetADocumentDeclarationBeatALatin1ServerDefault() {
        String page = html(ZH, "<meta charset=\"gb2312\">");

        assertThat(Charsets.decode(page.getBytes(GBK), "text/html; charset=ISO-8859-1")).isEqualTo(page);
    }

    @Test
    void shouldReadUtf8UnderALatin1ServerDefault() {
        String page = html("Café – naïve résumé", null);

        assertThat(Charsets.decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=iso-8859-1")).isEqualTo(page);
    }

    @Test
    void shouldReadLatin1WhenItIsReallyLatin1() {
        String page = html("Café crème", null);

        assertThat(Charsets.decode(page.getBytes(StandardCharsets.ISO_8859_1), "text/html; charset=iso-8859-1"))
                .isEqualTo(page);
    }

    @Test
    void shouldLetTheBomWinOverEverything() {
        String page = html(ZH, "<meta charset=\"gbk\">");
        byte[] utf8 = page.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xef;
        withBom[1] = (byte) 0xbb;
        withBom[2] = (byte) 0xbf;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(Charsets.decode(withBom, "text/html; charset=gbk")).isEqualTo(page);
    }

    @Test
    void shouldUseTheXmlPrologWithoutAHeader() {
        String feed = "<?xml version='1.0' encoding='gbk'?>\n<rss><title>" + ZH + "</title></rss>";

        assertThat(Charsets.decode(feed.getBytes(GBK), null)).isEqualTo(feed);
    }

    @Test
    void shouldDefaultToUtf8() {
        String text = "<p>" + ZH + "</p>";

        assertThat(Charsets.decode(text.getBytes(StandardCharsets.UTF_8), "text/html")).isEqualTo(text);
    }

    @Test
    void shouldGuessGb18030ForUndeclaredChineseThatIsNotUtf8() {
        String text = "<p>" + ZH + "</p>";

        assertThat(Charsets.decode(text.getBytes(GBK), "text/plain")).isEqualTo(text);
    }

    @Test
    void shouldReadGbkLabelsAsGb18030SoCharactersBeyondGb2312Survive() {
        // 镕 and 㐀 are outside GB2312; pages labelled gb2312 use them anyway
        String text = "朱镕基 㐀";

        assertThat(Charsets.decode(text.getBytes(GB18030), "text/plain; charset=gb2312")).isEqualTo(text);
    }

    @Test
    void shouldDecodeAnEmptyBody() {
        assertThat(Charsets.decode(new byte[0], "text/html; charset=utf-8")).isEmpty();
    }

    private static String html(String body, String meta) {
        return "<html><head>" + (meta == null ? "" : meta) + "<title>t</title></head><body><p>" + body
                + "</p></body></html>";
    }
}
