package kz.aqparat.store.topology;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import kz.aqparat.contracts.RecordLimits;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The key of {@code articles.enriched}, an article id: UTF-8, at most {@link RecordLimits#MAX_KEY_BYTES}. A record
 * without a key, or with one that is not UTF-8 (it would be read as another id, with U+FFFD in it) or too long,
 * fails here, so that it goes to {@code articles.dlq} through the deserialization exception handler.
 */
final class ArticleKey {

    private ArticleKey() {
    }

    static Serde<String> serde() {
        Deserializer<String> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                throw new SerializationException("the record has no key (article id)");
            }
            if (bytes.length > RecordLimits.MAX_KEY_BYTES) {
                throw new RecordTooLargeException("the key is " + bytes.length + " bytes, more than the "
                        + RecordLimits.MAX_KEY_BYTES + " bytes an article id may be");
            }
            try {
                return StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new SerializationException("the key is not UTF-8: " + e, e);
            }
        };
        return Serdes.serdeFrom(new StringSerializer(), deserializer);
    }
}
