package kz.aqparat.ingest.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micronaut.http.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.RecordLimits;

/**
 * Jazzer fuzz test of ingest's request parsing: {@link ArticleRequests} throws nothing but {@link InvalidArticle}
 * (a 4xx), and whatever it accepts is an article that every reader of {@code articles.raw} can take: its record is
 * valid UTF-8 JSON within {@link RecordLimits#MAX_RAW_VALUE_BYTES}, reads back to the same article, and no field
 * holds a control character (but TAB, LF, CR in text) or an unpaired surrogate. The first input byte picks the
 * path (JSON or a plain-text feed item). A normal build replays the corpus in
 * {@code src/test/resources/kz/aqparat/ingest/articles/ArticleRequestsFuzzTestInputs/parsingKeepsTheContract/};
 * {@code JAZZER_FUZZ=1} fuzzes for {@code maxDuration} and writes a failing input next to the corpus.
 */
class ArticleRequestsFuzzTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private static final MediaType TEXT = MediaType.of("text/plain; charset=utf-8");

    @FuzzTest(maxDuration = "60s")
    void parsingKeepsTheContract(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] body = Arrays.copyOfRange(input, 1, input.length);
        RawArticle article;
        try {
            article = (input[0] & 1) == 0 ? ArticleRequests.fromJson(body, CLOCK)
                    : ArticleRequests.fromText(body, TEXT, CLOCK);
        } catch (InvalidArticle refused) {
            int status = refused.status().getCode();
            assertTrue(status >= 400 && status < 500, refused.status().toString());
            assertNotNull(refused.getMessage());
            return;
        }
        checkAccepted(article);
    }

    private static void checkAccepted(RawArticle article) {
        assertNotNull(article.text());
        assertTrue(article.text().codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT), "a text with something to read");
        for (String field : new String[] {article.text(), article.title(), article.author(), article.source(),
                article.url(), article.publishedAt(), article.language()}) {
            if (field != null) {
                assertClean(field);
            }
        }
        RawArticle stored = article.withId("0123456789abcdef0123456789abcdef").withReceivedAt(CLOCK.instant());
        byte[] record;
        try {
            record = Json.mapper().writeValueAsBytes(stored);
            assertTrue(record.length <= RecordLimits.MAX_RAW_VALUE_BYTES, "record of " + record.length + " bytes");
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(record));
            for (byte b : record) {
                assertTrue(b < 0 || b >= 0x20, "no raw control byte in the record");
            }
            assertEquals(stored, Json.mapper().readValue(record, RawArticle.class));
        } catch (CharacterCodingException e) {
            throw new AssertionError("the record is not valid UTF-8", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertClean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            assertTrue(!Character.isSurrogate(c), "no unpaired surrogate");
            assertTrue(Character.getType(c) != Character.CONTROL || c == '\t' || c == '\n' || c == '\r',
                    "no control character");
        }
    }
}
