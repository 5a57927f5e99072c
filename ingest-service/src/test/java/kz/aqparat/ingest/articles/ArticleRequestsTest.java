package kz.aqparat.ingest.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordLimits;
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
    void jsonAuthorIsKeptStrippedAndABlankOneIsAbsent() {
        assertEquals("Ербол Тишкамбаев", ArticleRequests.fromJson(utf8(
                "{\"text\": \"Текст.\", \"author\": \" Ербол Тишкамбаев \"}")).author());
        assertNull(ArticleRequests.fromJson(utf8("{\"text\": \"Текст.\", \"author\": \" \"}")).author());
        assertNull(ArticleRequests.fromJson(utf8("{\"text\": \"Текст.\"}")).author());
        assertEquals("invalid-field", refusedJson("{\"text\": \"T\", \"author\": [\"A\"]}").problemType());
    }

    @Test
    void theAuthorOfAFeedItemsHeadingIsKept() {
        RawArticle a = ArticleRequests.fromText(utf8("Результат общественного консенсуса Конституционная реформа "
                + "3 марта 2026 г. 5:00 6 Ербол Тишкамбаев О значении реформы."), MediaType.of("text/plain"));
        assertEquals("Ербол Тишкамбаев", a.author());
        assertEquals("Результат общественного консенсуса", a.title());
        assertEquals("О значении реформы.", a.text());
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
        assertEquals("invalid-date", refusedJson("{\"text\": \"T\", \"publishedAt\": \"18.02.2026\"}").problemType());
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
    void onlyUtf8IsTakenOtherCharsetsAre415() {
        assertEquals("Текст", ArticleRequests.fromText(utf8("Текст"), MediaType.of("text/plain; charset=UTF8")).text());
        assertEquals("Текст", ArticleRequests.fromText(utf8("Текст"), MediaType.of("text/plain; charset=\"utf-8\"")).text());
        for (String type : new String[] {"text/plain; charset=windows-1251", "text/plain; charset=nonsense-42",
                "text/plain; charset=utf-16"}) {
            InvalidArticle e = assertThrows(InvalidArticle.class,
                    () -> ArticleRequests.fromText(utf8("x"), MediaType.of(type)));
            assertEquals(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.status(), type);
            assertEquals("unsupported-charset", e.problemType());
        }
    }

    @Test
    void onlyOneJsonValueWithNothingAfterIt() {
        assertEquals("invalid-json", refusedJson("{\"text\":\"a\"}{\"text\":\"b\"}").problemType());
        assertEquals("invalid-json", refusedJson("{\"text\":\"a\"} garbage").problemType());
        assertEquals("invalid-json", refusedJson("{\"text\":\"a\"}]").problemType());
        assertEquals("invalid-json", refusedJson("{\"text\":\"a\", \"text\":\"b\"}").problemType());
        assertEquals("Ok", ArticleRequests.fromJson(utf8(" {\"text\":\"Ok\"} \r\n ")).text());
    }

    @Test
    void nestingIsBounded() {
        String deep = "{\"text\":\"a\",\"x\":" + "[".repeat(StrictJson.MAX_NESTING_DEPTH) + "]".repeat(StrictJson.MAX_NESTING_DEPTH) + "}";
        InvalidArticle e = refusedJson(deep);
        assertEquals("invalid-json", e.problemType());
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
        String shallow = "{\"text\":\"a\",\"x\":[[[]]]}";
        assertEquals("a", ArticleRequests.fromJson(utf8(shallow)).text());
        assertEquals("invalid-json", refusedJson("[".repeat(100_000)).problemType());
    }

    @Test
    void overlongUtf8AndEncodedSurrogatesAreRefused() {
        byte[] overlong = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', 'a', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        InvalidArticle e = assertThrows(InvalidArticle.class, () -> ArticleRequests.fromJson(overlong));
        assertEquals("invalid-json", e.problemType());
        assertTrue(e.getMessage().contains("byte 10"), e.getMessage());
        byte[] surrogate = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
        assertThrows(InvalidArticle.class, () -> ArticleRequests.fromJson(surrogate));
    }

    @Test
    void escapedLoneSurrogatesAndControlCharactersAreRefusedInEveryField() {
        for (String field : new String[] {"text", "title", "author", "source", "url", "publishedAt", "language"}) {
            for (String bad : new String[] {"\\ud800", "\\udc00x", "\\u0000", "\\u0001", "\\u001f", "\\u007f", "\\u0085"}) {
                String body = field.equals("text") ? "{\"text\":\"a" + bad + "b\"}"
                        : "{\"text\":\"ok\",\"" + field + "\":\"a" + bad + "b\"}";
                InvalidArticle e = refusedJson(body);
                assertEquals("invalid-character", e.problemType(), body);
                assertTrue(e.getMessage().contains("'" + field + "'"), e.getMessage());
            }
        }
        assertEquals("a\tb\nc\rd 😀", ArticleRequests.fromJson(utf8("{\"text\":\"a\\tb\\nc\\rd \\ud83d\\ude00\"}")).text());
        InvalidArticle nul = assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(utf8("Текст\u0000конец"), MediaType.TEXT_PLAIN_TYPE));
        assertEquals("invalid-character", nul.problemType());
        assertEquals("invalid-character", assertThrows(InvalidArticle.class, () -> ArticleRequests.fromText(
                utf8("\u0001".repeat(1000)), MediaType.TEXT_PLAIN_TYPE)).problemType());
    }

    @Test
    void whiteSpaceOnlyTextIsMissing() {
        for (String text : new String[] {"", " ", "\\n\\t\\r", "\\u00a0\\u2003\\u3000", "\\u200b\\ufeff"}) {
            assertEquals("missing-text", refusedJson("{\"text\":\"" + text + "\"}").problemType(), text);
        }
    }

    @Test
    void publishedAtIsAnIsoDateWithinBounds() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
        for (String ok : new String[] {"2026-03-02", "2026-03-02T11:59", "2026-03-02T16:59:00+05:00", "1800-01-01",
                "2026-03-01T12:00:00Z"}) {
            assertEquals(ok, ArticleRequests.fromJson(utf8("{\"text\":\"T\",\"publishedAt\":\"" + ok + "\"}"), clock)
                    .publishedAt());
        }
        for (String bad : new String[] {"2026-03-03", "2026-03-02T12:01", "9999-12-31", "+999999999-12-31",
                "1799-12-31", "0000-01-01", "2026-02-30", "вчера", "2026-03-01T25:00", "1e9", "2026-03-01 10:00"}) {
            InvalidArticle e = assertThrows(InvalidArticle.class, () -> ArticleRequests.fromJson(
                    utf8("{\"text\":\"T\",\"publishedAt\":\"" + bad + "\"}"), clock), bad);
            assertEquals("invalid-date", e.problemType(), bad);
        }
    }

    @Test
    void shortFieldsHaveLimits() {
        assertEquals("field-too-long", refusedJson("{\"text\":\"T\",\"title\":\"" + "я".repeat(1001) + "\"}").problemType());
        assertEquals("я".repeat(1000), ArticleRequests.fromJson(utf8("{\"text\":\"T\",\"title\":\"" + "я".repeat(1000) + "\"}")).title());
        assertEquals("field-too-long", refusedJson("{\"text\":\"T\",\"source\":\"" + "s".repeat(201) + "\"}").problemType());
        assertEquals("field-too-long", refusedJson("{\"text\":\"T\",\"author\":\"" + "a".repeat(201) + "\"}").problemType());
        assertEquals("field-too-long", refusedJson("{\"text\":\"T\",\"url\":\"https://a.kz/" + "p".repeat(2040) + "\"}").problemType());
        assertEquals("invalid-field", refusedJson("{\"text\":\"T\",\"language\":\"Russian language\"}").problemType());
    }

    @Test
    void urlIsAnAbsoluteHttpUrl() {
        for (String ok : new String[] {"https://kazpravda.kz/n/1", "HTTP://example.com", "https://президент.рф/новости?id=1"}) {
            assertEquals(ok, ArticleRequests.fromJson(utf8("{\"text\":\"T\",\"url\":\"" + ok + "\"}")).url());
        }
        for (String bad : new String[] {"kazpravda.kz/n/1", "/n/1", "javascript:alert(1)", "ftp://a.kz/x",
                "https://a.kz/<script>", "https://a b.kz/", "https://user:pw@a.kz/", "https:///path", "mailto:a@b.kz"}) {
            assertEquals("invalid-url", refusedJson("{\"text\":\"T\",\"url\":\"" + bad + "\"}").problemType(), bad);
        }
    }

    @Test
    void markupIsRefusedInTitleAndSourceButKeptInText() {
        for (String field : new String[] {"title", "source", "author"}) {
            for (String bad : new String[] {"<script>alert(1)</script>", "a <b>bold</b>", "<img src=x onerror=alert(1)>",
                    "x</p>", "<!-- c -->", "<?xml version=\\\"1.0\\\"?>", "<br/>"}) {
                assertEquals("markup", refusedJson("{\"text\":\"T\",\"" + field + "\":\"" + bad + "\"}").problemType(),
                        field + ": " + bad);
            }
        }
        assertEquals("Рост < 5% и > 3%", ArticleRequests.fromJson(utf8("{\"text\":\"T\",\"title\":\"Рост < 5% и > 3%\"}")).title());
        String text = "<script>alert(1)</script> и <b>жирный</b>";
        assertEquals(text, ArticleRequests.fromJson(utf8("{\"text\":\"" + text + "\"}")).text());
    }

    @Test
    void theRecordNotOnlyTheBodyIsLimited() {
        // Each LF is 1 byte sent as text/plain and 2 in the record's JSON (\n): the body fits, the record does not.
        byte[] body = ("Текст\n" + "\n".repeat(RecordLimits.MAX_RAW_VALUE_BYTES / 2 + 100)).getBytes(StandardCharsets.UTF_8);
        InvalidArticle e = assertThrows(InvalidArticle.class, () -> ArticleRequests.fromText(body, MediaType.TEXT_PLAIN_TYPE));
        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.status());
        assertEquals("too-large", e.problemType());
        String fits = "a".repeat(RecordLimits.MAX_RAW_VALUE_BYTES - 300);
        RawArticle a = ArticleRequests.fromJson(utf8("{\"text\":\"" + fits + "\"}"));
        assertTrue(ArticleFields.serializedSize(a.withId("0123456789abcdef0123456789abcdef").withReceivedAt(Instant.now()))
                <= RecordLimits.MAX_RAW_VALUE_BYTES);
    }

    @Test
    void emptyTextOrHeaderOnlyIs400() {
        assertEquals("missing-text", assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(utf8("  \n"), MediaType.TEXT_PLAIN_TYPE)).problemType());
        assertEquals("missing-text", assertThrows(InvalidArticle.class,
                () -> ArticleRequests.fromText(utf8(" date 2026-02-18 "), MediaType.TEXT_PLAIN_TYPE)).problemType());
    }
}
