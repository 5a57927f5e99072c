package kz.aqparat.store.topology;

import java.io.IOException;
import kz.aqparat.contracts.EnrichedArticle;
import kz.aqparat.contracts.Json;
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
        Deserializer<ReceivedArticle> deserializer = (topic, bytes) -> {
            ArticleProjection projection = bytes == null ? null : parse(topic, bytes);
            // The JSON literal null reads as a tombstone, as it did when the value was read as an EnrichedArticle.
            return projection == null ? null : new ReceivedArticle(bytes, projection);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    /** The projection of an enriched article's JSON. */
    public static ArticleProjection parse(String topic, byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, ArticleProjection.class);
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + EnrichedArticle.class.getSimpleName() + " from "
                    + topic + ": " + e.getMessage(), e);
        }
    }
}
