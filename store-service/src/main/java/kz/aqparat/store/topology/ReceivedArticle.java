package kz.aqparat.store.topology;

import java.io.IOException;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
import kz.aqparat.contracts.RecordLimits;
import kz.aqparat.service.dlq.DeadLetter;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A record value of {@code articles.enriched} as received: its bytes, which go to {@code articles.store} unchanged,
 * and the {@link ArticleProjection} parsed from them once.
 */
public record ReceivedArticle(byte[] json, ArticleProjection projection) {

    /**
     * Reads a {@link ReceivedArticle} (null for a tombstone). A value that is not an enriched article's JSON fails
     * here, in the deserializer, so that Kafka Streams hands it to the deserialization exception handler, which
     * sends it to {@code articles.dlq}.
     */
    public static Serde<ReceivedArticle> serde() {
        Serializer<ReceivedArticle> serializer = (topic, article) -> article == null ? null : article.json();
        return Serdes.serdeFrom(serializer, new Reader());
    }

    /**
     * The projection of an enriched article's JSON.
     *
     * @throws SerializationException when it is not an enriched article's JSON, or names an entity or region by
     *                                more than {@link RecordLimits#MAX_NAME_CHARS} characters (view rows are keyed
     *                                by them)
     */
    public static ArticleProjection parse(String topic, byte[] bytes) {
        ArticleProjection projection;
        try {
            projection = Json.mapper().readValue(bytes, ArticleProjection.class);
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + EnrichedArticle.class.getSimpleName() + " from "
                    + topic + ": " + e.getMessage(), e);
        }
        if (projection != null) {
            for (ArticleProjection.NamedEntity entity : projection.entities()) {
                checkName("an entity name", entity.name());
                checkName("a region", entity.region());
            }
            for (String region : projection.regions()) {
                checkName("a region", region);
            }
        }
        return projection;
    }

    private static void checkName(String what, String name) {
        if (name != null && name.length() > RecordLimits.MAX_NAME_CHARS) {
            throw new SerializationException("the article has " + what + " of " + name.length()
                    + " characters, more than the " + RecordLimits.MAX_NAME_CHARS + " the views take");
        }
    }

    /**
     * Reads the value; a value or headers larger than {@link RecordLimits} allows fail here, before parsing, since
     * the store would forward them to {@code articles.store}.
     */
    private static final class Reader implements Deserializer<ReceivedArticle> {

        @Override
        public ReceivedArticle deserialize(String topic, Headers headers, byte[] bytes) {
            long headerBytes = headers == null ? 0 : DeadLetter.size(headers);
            if (headerBytes > RecordLimits.MAX_HEADERS_BYTES) {
                throw new RecordTooLargeException("the record's headers take " + headerBytes
                        + " bytes, more than the " + RecordLimits.MAX_HEADERS_BYTES + " bytes they may take");
            }
            return deserialize(topic, bytes);
        }

        @Override
        public ReceivedArticle deserialize(String topic, byte[] bytes) {
            if (bytes != null && bytes.length > RecordLimits.MAX_ENRICHED_VALUE_BYTES) {
                throw new RecordTooLargeException("the enriched article is " + bytes.length
                        + " bytes, more than the " + RecordLimits.MAX_ENRICHED_VALUE_BYTES
                        + " bytes an articles.enriched value may be");
            }
            ArticleProjection projection = bytes == null ? null : parse(topic, bytes);
            // The JSON literal null reads as a tombstone, as it did when the value was read as an EnrichedArticle.
            return projection == null ? null : new ReceivedArticle(bytes, projection);
        }
    }
}
