package trendwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import trendwatch.model.Article;
import trendwatch.model.SourceRef;

/** The contract's fields as every source builds them: {@code lang} is zh or en, an unknown title is null. */
class ArticlesTest {

    private static final String ENGLISH = "Solid-state batteries are close to mass production.";
    private static final String CHINESE = "固态电池即将量产，宁德时代公布了新的路线图。";

    @Test
    void shouldKeepALanguageTagOfChineseOrEnglishAsItsLanguage() {
        assertThat(article("zh-CN", ENGLISH).lang()).isEqualTo("zh");
        assertThat(article("zh_Hant_TW", ENGLISH).lang()).isEqualTo("zh");
        assertThat(article(" EN-us ", CHINESE).lang()).isEqualTo("en");
    }

    @Test
    void shouldGuessTheLanguageFromTheTextWhenTheTagNamesAnotherOrNone() {
        assertThat(article("fr", ENGLISH).lang()).isEqualTo("en");
        assertThat(article("fr-CA", CHINESE).lang()).isEqualTo("zh");
        assertThat(article("", CHINESE).lang()).isEqualTo("zh");
        assertThat(article(null, ENGLISH).lang()).isEqualTo("en");
    }

    @Test
    void shouldLeaveAMissingTitleNullAndHashItAsTheEmptyTitleItWasPublishedWithBefore() {
        Article untitled = Articles.of("id", new SourceRef("submit", "api", null), null, " ", null, null, null, null,
                Instant.EPOCH, ENGLISH);

        assertThat(untitled.title()).isNull();
        assertThat(untitled.contentHash()).isEqualTo(Hashes.contentHash("\nnull\nnull\nnull", ENGLISH));
    }

    private static Article article(String lang, String body) {
        return Articles.of("id", new SourceRef("feed", "f", null), null, "T", null, null, lang, null, Instant.EPOCH,
                body);
    }
}
