package kz.aqparat.ingest.articles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.feed.FeedItemParser;

/**
 * Turns request bodies into {@link RawArticle}s (without id and receivedAt) or refuses them with an
 * {@link InvalidArticle}. Pure functions: no Kafka, no HTTP server, so every rule is unit-tested directly.
 */
public final class ArticleRequests {

    public static final String DEFAULT_LANGUAGE = "ru";
    private static final List<String> TEXT_FIELDS = List.of("id", "source", "url", "title", "publishedAt", "language",
            "text");

    private ArticleRequests() {
    }

    /** One JSON article: {@code text} required and non-blank; the other fields strings or null; id ignored. */
    public static RawArticle fromJson(byte[] body) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidArticle.badRequest("invalid-json", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InvalidArticle.badRequest("invalid-json", "the body cannot be read as JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw InvalidArticle.badRequest("invalid-json", "the body is empty; expected one JSON article object");
        }
        if (!node.isObject()) {
            throw InvalidArticle.badRequest("invalid-json", "expected one JSON article object, got " + node.getNodeType());
        }
        for (String field : TEXT_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw InvalidArticle.badRequest("invalid-field",
                        "field '" + field + "' must be a string or null, got " + value.getNodeType());
            }
        }
        String text = string(node, "text");
        if (text == null || text.isBlank()) {
            throw InvalidArticle.badRequest("missing-text", "field 'text' is required and must not be empty");
        }
        String publishedAt = blankToNull(string(node, "publishedAt"));
        if (publishedAt != null && !isIsoDateOrDateTime(publishedAt)) {
            throw InvalidArticle.badRequest("invalid-field",
                    "field 'publishedAt' must be an ISO-8601 date or date-time, got '" + publishedAt + "'");
        }
        String language = blankToNull(string(node, "language"));
        return new RawArticle(null, blankToNull(string(node, "source")), blankToNull(string(node, "url")),
                blankToNull(string(node, "title")), publishedAt, language == null ? DEFAULT_LANGUAGE : language, text,
                null);
    }

    /** One plain-text feed item, decoded strictly in the request's charset (UTF-8 if none is given). */
    public static RawArticle fromText(byte[] body, MediaType contentType) {
        String item = decode(body, charsetOf(contentType));
        if (item.isBlank()) {
            throw InvalidArticle.badRequest("missing-text", "the body is empty; expected the text of one feed item");
        }
        RawArticle article = FeedItemParser.parse(item).toRawArticle(null, DEFAULT_LANGUAGE);
        if (article.text().isBlank()) {
            throw InvalidArticle.badRequest("missing-text", "the feed item has a header but no text");
        }
        return article;
    }

    static Charset charsetOf(MediaType contentType) {
        String name = contentType == null ? null : contentType.getParameters().get("charset").orElse(null);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new InvalidArticle(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset",
                    "charset '" + name + "' is not supported; send text/plain; charset=utf-8");
        }
    }

    /** Refuses malformed input instead of replacing it with U+FFFD, so that no text is silently altered. */
    static String decode(byte[] body, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException e) {
            throw InvalidArticle.badRequest("invalid-encoding",
                    "the body is not valid " + charset.name() + " (" + e.getMessage() + ")");
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static boolean isIsoDateOrDateTime(String s) {
        for (var parser : List.<java.util.function.Consumer<String>>of(
                LocalDate::parse, LocalDateTime::parse, OffsetDateTime::parse)) {
            try {
                parser.accept(s);
                return true;
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return false;
    }
}
