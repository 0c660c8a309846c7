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
    private static final String NEWS = "人形机器人新闻：优必选的人形机器人Walker S进入工厂";
    private static final String NEWS_TW = "人形機器人新聞：優必選的人形機器人Walker S進入工廠";

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
    void shouldReadBig5WhenTheHeaderSaysGbkAndTheMetaSaysBig5() {
        // GBK decodes these Big5 bytes without a single error, into rare characters and kana
        String page = html(NEWS_TW, "<meta charset=\"big5\">");

        assertThat(Charsets.decode(page.getBytes(BIG5), "text/html; charset=gbk")).isEqualTo(page);
    }

    @Test
    void shouldReadABig5FeedWhenTheHeaderSaysGbkAndThePrologSaysBig5() {
        String feed = "<?xml version=\"1.0\" encoding=\"Big5\"?><rss><title>" + NEWS_TW + "</title></rss>";

        assertThat(Charsets.decode(feed.getBytes(BIG5), "application/rss+xml; charset=gbk")).isEqualTo(feed);
    }

    @Test
    void shouldKeepAGbkHeaderWhenTheMetaWronglySaysBig5() {
        String page = html(NEWS, "<meta charset=\"big5\">");

        assertThat(Charsets.decode(page.getBytes(GBK), "text/html; charset=gbk")).isEqualTo(page);
    }

    @Test
    void shouldGuessGbkWhenTheHeaderLiesUtf8AndNothingIsDeclared() {
        String page = html(NEWS, null);

        assertThat(Charsets.decode(page.getBytes(GBK), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldGuessBig5WhenTheHeaderLiesUtf8AndNothingIsDeclared() {
        String page = html(NEWS_TW, null);

        assertThat(Charsets.decode(page.getBytes(BIG5), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldGuessBig5WhenNothingIsDeclared() {
        String page = html(NEWS_TW, null);

        assertThat(Charsets.decode(page.getBytes(BIG5), "text/html")).isEqualTo(page);
    }

    @Test
    void shouldGuessGbkDespiteATitleCutMidCharacter() {
        String title = "人形机器";
        String body = (NEWS + "。").repeat(5);
        byte[] head = ("<html><head><title>" + title).getBytes(GBK);
        byte[] rest = ("</title></head><body><p>" + body + "</p></body></html>").getBytes(GBK);
        byte[] page = new byte[head.length - 1 + rest.length];
        System.arraycopy(head, 0, page, 0, head.length - 1);     // 器 loses its second byte
        System.arraycopy(rest, 0, page, head.length - 1, rest.length);

        assertThat(Charsets.decode(page, "text/html; charset=utf-8")).contains("<title>人形机").endsWith(body + "</p></body></html>");
    }

    @Test
    void shouldReadGbkWhenTheHeaderLiesUtf8AndAnHttpEquivMetaSaysGb2312() {
        String page = html(NEWS, "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">");

        assertThat(Charsets.decode(page.getBytes(GBK), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldReadAGbkFeedWhenTheHeaderLiesUtf8AndThePrologSaysGbk() {
        String feed = "<?xml version=\"1.0\" encoding=\"gbk\"?><rss><title>" + NEWS + "</title></rss>";

        assertThat(Charsets.decode(feed.getBytes(GBK), "application/rss+xml; charset=utf-8")).isEqualTo(feed);
    }

    @Test
    void shouldLetABig5MetaBeatALatin1ServerDefault() {
        String page = html(NEWS_TW, "<meta charset=\"big5\">");

        assertThat(Charsets.decode(page.getBytes(BIG5), "text/html; charset=iso-8859-1")).isEqualTo(page);
    }

    @Test
    void shouldKeepValidUtf8WhenTheHeaderSaysUtf8AndTheMetaWronglySaysGbk() {
        // é is C3 A9 in UTF-8, which GBK reads cleanly as a common hanzi
        String page = html(NEWS + " Café résumé", "<meta charset=\"gbk\">");

        assertThat(Charsets.decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldReadUtf8WhenEverythingSaysUtf8() {
        String page = html(NEWS, "<meta charset=\"utf-8\">");

        assertThat(Charsets.decode(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8")).isEqualTo(page);
    }

    @Test
    void shouldStillReadUndeclaredLatin1AsWindows1252() {
        String page = html("Café crème, été à Noël", null);

        assertThat(Charsets.decode(page.getBytes(StandardCharsets.ISO_8859_1), "text/html")).isEqualTo(page);
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

    /** 똠 and 뷁 are CP949's, beyond strict EUC-KR, as on Korean pages labeled euc-kr: read as Korean, not guessed. */
    @Test
    void shouldReadAPageLabeledEucKrAsCp949AndNeverAsChinese() {
        String text = "<p>한국어 뉴스: 똠방각하 뷁 인공지능 반도체</p>";
        byte[] body = text.getBytes(Charset.forName("x-windows-949"));

        assertThat(Charsets.decode(body, "text/html; charset=euc-kr")).isEqualTo(text);
        assertThat(Charsets.decode(html(text, "<meta charset=\"euc-kr\">").getBytes(Charset.forName("x-windows-949")),
                "text/html")).contains(text);
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
