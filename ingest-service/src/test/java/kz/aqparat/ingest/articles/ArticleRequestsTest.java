package kz.aqparat.ingest.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import kz.aqparat.contracts.RawArticle;
import org.junit.jupiter.api.Test;

class ArticleRequestsTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static InvalidArticle refusedJson(String body) {
        return assertThrows(InvalidArticle.class, () -> ArticleRequests.fromJson(utf8(body)));
    }

    @Test
    void jsonArticleKeepsItsFieldsIgnoresIdAndDefaultsLanguage() {
        RawArticle a = ArticleRequests.fromJson(utf8("""
                {"id": "x", "source": "Kazpravda.kz", "url": " https://kazpravda.kz/n/1 ", "title": "T",
                 "publishedAt": "2026-02-18T10:00:00+05:00", "text": "  Текст статьи.  ", "extra": 1}"""));
        assertNull(a.id());
        assertEquals("Kazpravda.kz", a.source());
        assertEquals("https://kazpravda.kz/n/1", a.url());
        assertEquals("2026-02-18T10:00:00+05:00", a.publishedAt());
        assertEquals("ru", a.language());
        assertEquals("  Текст статьи.  ", a.text(), "the text is kept exactly: offsets index into it");
        assertNull(a.receivedAt());
    }

    @Test
    void explicitLanguageIsKept() {
        assertEquals("kk", ArticleRequests.fromJson(utf8("{\"text\": \"Мәтін\", \"language\": \"kk\"}")).language());
    }

    @Test
    void invalidJsonMissingTextAndWrongTypesAre400() {
        assertEquals("invalid-json", refusedJson("{\"text\": ").problemType());
        assertEquals("invalid-json", refusedJson("").problemType());
        assertEquals("invalid-json", refusedJson("\"just a string\"").problemType());
        assertEquals("missing-text", refusedJson("{\"title\": \"T\"}").problemType());
        assertEquals("missing-text", refusedJson("{\"text\": \" \\n \"}").problemType());
        assertEquals("missing-text", refusedJson("{\"text\": null}").problemType());
        InvalidArticle wrongType = refusedJson("{\"text\": \"T\", \"publishedAt\": 20260218}");
        assertEquals("invalid-field", wrongType.problemType());
        assertTrue(wrongType.getMessage().contains("publishedAt"));
        assertEquals("invalid-field", refusedJson("{\"text\": [\"T\"]}").problemType());
        assertEquals("invalid-field", refusedJson("{\"text\": \"T\", \"publishedAt\": \"18.02.2026\"}").problemType());
        assertEquals(HttpStatus.BAD_REQUEST, refusedJson("{").status());
    }

    @Test
    void invalidUtf8InJsonIs400() {
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};
        InvalidArticle e = assertThrows(InvalidArticle.class, () -> ArticleRequests.fromJson(body));
        assertEquals(HttpStatus.BAD_REQUEST, e.status());
    }

    @Test
    void plainTextIsParsedAsAFeedItem() {
        RawArticle a = ArticleRequests.fromText(utf8(" date 2026-02-22 Текст, передает BAQ.KZ."),
                MediaType.of("text/plain; charset=utf-8"));
        assertEquals("2026-02-22", a.publishedAt());
        assertEquals("BAQ.KZ", a.source());
        assertEquals("Текст, передает BAQ.KZ.", a.text());
        assertEquals("ru", a.language());
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] body = {'a', (byte) 0xD0, 'b'};
        InvalidArticle e = assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(body, MediaType.TEXT_PLAIN_TYPE));
        assertEquals("invalid-encoding", e.problemType());
    }

    @Test
    void otherCharsetsAreDecodedStrictlyAndUnknownOnesAre415() {
        byte[] cp1251 = "Текст".getBytes(Charset.forName("windows-1251"));
        assertEquals("Текст", ArticleRequests.fromText(cp1251, MediaType.of("text/plain; charset=windows-1251")).text());
        InvalidArticle e = assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(utf8("x"), MediaType.of("text/plain; charset=nonsense-42")));
        assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.status());
    }

    @Test
    void emptyTextOrHeaderOnlyIs400() {
        assertEquals("missing-text", assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(utf8("  \n"), MediaType.TEXT_PLAIN_TYPE)).problemType());
        assertEquals("missing-text", assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(utf8(" date 2026-02-18 "), MediaType.TEXT_PLAIN_TYPE)).problemType());
    }
}
