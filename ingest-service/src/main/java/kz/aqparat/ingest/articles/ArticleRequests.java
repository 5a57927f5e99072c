package kz.aqparat.ingest.articles;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.util.List;
import kz.aqparat.contracts.RawArticle;
import kz.aqparat.contracts.feed.FeedItemParser;

/**
 * Turns request bodies into {@link RawArticle}s (without id and receivedAt) or refuses them with an
 * {@link InvalidArticle}, and nothing else: JSON is read by {@link StrictJson}, every field is checked by
 * {@link ArticleFields}. Pure functions: no Kafka, no HTTP server, so every rule is unit-tested (and fuzzed) directly.
 */
public final class ArticleRequests {

    public static final String DEFAULT_LANGUAGE = "ru";
    private static final List<String> STRING_FIELDS = List.of("id", "source", "url", "title", "author",
            "publishedAt", "language", "text");

    private ArticleRequests() {
    }

    public static RawArticle fromJson(byte[] body) {
        return fromJson(body, Clock.systemUTC());
    }

    /** One JSON article: {@code text} required and non-blank; the other fields strings or null; id ignored. */
    public static RawArticle fromJson(byte[] body, Clock clock) {
        JsonNode node = StrictJson.read(body);
        if (node == null || node.isMissingNode()) {
            throw InvalidArticle.badRequest("invalid-json", "the body is empty; expected one JSON article object");
        }
        if (!node.isObject()) {
            throw InvalidArticle.badRequest("invalid-json", "expected one JSON article object, got "
                    + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        for (String field : STRING_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isTextual()) {
                throw InvalidArticle.badRequest("invalid-field", "field '" + field + "' must be a string or null, got "
                        + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            if (value != null && value.isTextual() && !field.equals("id")) {
                // Before stripping: strip() would silently remove some control characters (U+001C..U+001F).
                ArticleFields.checkCharacters(field, value.textValue());
            }
        }
        String text = string(node, "text");
        if (text == null) {
            throw InvalidArticle.badRequest("missing-text", "field 'text' is required and must not be empty");
        }
        String language = blankToNull(string(node, "language"));
        RawArticle article = new RawArticle(null, blankToNull(string(node, "source")),
                blankToNull(string(node, "url")), blankToNull(string(node, "title")),
                blankToNull(string(node, "author")), blankToNull(string(node, "publishedAt")),
                language == null ? DEFAULT_LANGUAGE : language, text, null);
        return ArticleFields.check(article, clock);
    }

    public static RawArticle fromText(byte[] body, MediaType contentType) {
        return fromText(body, contentType, Clock.systemUTC());
    }

    /** One plain-text feed item in UTF-8 (the only charset taken), read by {@link FeedItemParser}. */
    public static RawArticle fromText(byte[] body, MediaType contentType, Clock clock) {
        requireUtf8(contentType);
        String item = StrictJson.decodeUtf8(body, "invalid-encoding");
        // Checked before parsing too, so that the parser never sees characters no field may hold.
        ArticleFields.checkCharacters("text", item);
        if (item.isBlank()) {
            throw InvalidArticle.badRequest("missing-text", "the body is empty; expected the text of one feed item");
        }
        RawArticle article = FeedItemParser.parse(item).toRawArticle(null, DEFAULT_LANGUAGE);
        if (article.text().isBlank()) {
            throw InvalidArticle.badRequest("missing-text", "the feed item has a header but no text");
        }
        return ArticleFields.check(article, clock);
    }

    /** 415 for a {@code charset} parameter other than UTF-8 (no charset means UTF-8). */
    static void requireUtf8(MediaType contentType) {
        String name = contentType == null ? null : contentType.getParameters().get("charset").orElse(null);
        if (name == null) {
            return;
        }
        Charset charset;
        try {
            charset = Charset.forName(name.strip().replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            charset = null;
        }
        if (!StandardCharsets.UTF_8.equals(charset)) {
            throw new InvalidArticle(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset",
                    "charset '" + name + "' is not supported; send UTF-8 (charset=utf-8, or no charset)");
        }
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.textValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
