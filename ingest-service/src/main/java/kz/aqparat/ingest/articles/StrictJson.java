package kz.aqparat.ingest.articles;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as exactly one JSON value, strictly: valid UTF-8 only (Java's decoder refuses overlong
 * forms such as {@code C0 AF} and encoded surrogates, which Jackson's own byte parser lets through), nothing but
 * white space after the value, no key twice in an object, at most {@value #MAX_NESTING_DEPTH} levels of nesting.
 */
final class StrictJson {

    /** An article is one flat object; the bound only keeps unknown (ignored) fields from nesting without end. */
    static final int MAX_NESTING_DEPTH = 16;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {
    }

    /** The one JSON value in {@code body}; a {@code MissingNode} when the body holds only white space. */
    static JsonNode read(byte[] body) {
        String json = decodeUtf8(body, "invalid-json");
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw InvalidArticle.badRequest("invalid-json", "the body is not one valid JSON value: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Refuses malformed input instead of replacing it with U+FFFD, so that no text is silently altered; the detail
     * names the offset of the first bad byte.
     */
    static String decodeUtf8(byte[] body, String problemKind) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw InvalidArticle.badRequest(problemKind, "the body is not valid UTF-8: byte " + in.position()
                    + " starts a malformed sequence");
        }
        return out.flip().toString();
    }
}
